package com.example.acme;

import java.io.IOException;

/** Acme Voice's API, as its client library would offer it. */
public interface AcmeVoiceApi {

  /**
   * @param request the request
   * @return the status (202 accepted, 204 done, 404 unknown call) and, for an invitation, its id
   * @throws IOException when the connection breaks; the request may or may not have executed
   */
  Answer send(AcmeRequest request) throws IOException;

  /**
   * Acme Voice's synchronous answer.
   *
   * @param status the HTTP status
   * @param invitationId the id of an accepted invitation, or null
   */
  record Answer(int status, String invitationId) {}
}
