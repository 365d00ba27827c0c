package dev.handoff.adapter.acs.auth;

/** Decides whether a callback request comes from ACS. Implementations are thread-safe. */
public interface CallbackAuthenticator {

  /**
   * @param request the callback request
   * @throws CallbackAuthenticationException when it is not proven to come from ACS
   */
  void authenticate(CallbackRequest request);
}
