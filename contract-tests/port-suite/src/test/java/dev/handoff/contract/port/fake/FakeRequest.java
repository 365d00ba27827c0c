package dev.handoff.contract.port.fake;

import dev.handoff.domain.context.TeamsPhoneCallDetails;
import java.util.List;
import java.util.Map;

/**
 * The fake provider's wire format: what one request carries. The fake adapter writes it from a
 * command; the fake provider records it as received.
 *
 * @param operation TRANSFER, ADD, CANCEL or REDIRECT
 * @param callId the call (the incoming call for a redirect)
 * @param targets the parties to reach, each {@code rawId} with an optional name
 * @param transferee the transferee's raw id, or null
 * @param transfereeParticipantId the transferee's participant id, or null
 * @param replaces the consultation call replaced, or null
 * @param invitationId the invitation withdrawn, or null
 * @param sipHeaders custom SIP headers
 * @param userToUser the User-To-User value, or null
 * @param voipHeaders VoIP headers
 * @param teams Teams phone call details, or null
 * @param callerId the caller id shown, or null
 * @param sourceName the display name shown to an invitee, or null
 * @param timeoutSeconds the invitation or ring timeout, or null
 * @param callback the per-operation callback URI, or null
 * @param operationContext the correlation to echo, or null
 * @param token the repeatability token
 * @param incomingContext the incoming-call context of a redirect, or null
 */
record FakeRequest(
    String operation,
    String callId,
    List<Party> targets,
    String transferee,
    String transfereeParticipantId,
    String replaces,
    String invitationId,
    Map<String, String> sipHeaders,
    String userToUser,
    Map<String, String> voipHeaders,
    TeamsPhoneCallDetails teams,
    String callerId,
    String sourceName,
    Integer timeoutSeconds,
    String callback,
    String operationContext,
    String token,
    String incomingContext) {

  /**
   * A party on the wire.
   *
   * @param rawId its raw id
   * @param name its display name, or null
   */
  record Party(String rawId, String name) {}
}
