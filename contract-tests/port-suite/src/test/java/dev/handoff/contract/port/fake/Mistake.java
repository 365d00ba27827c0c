package dev.handoff.contract.port.fake;

/** What a deliberately wrong fake adapter gets wrong. */
public enum Mistake {
  /** Its parser reports a finished transfer as ACCEPTED, never as COMPLETED. */
  NEVER_PAST_ACCEPTED,
  /** It declares SIP headers and User-To-User but sends neither. */
  DROPS_SIP_HEADERS_AND_USER_TO_USER,
  /** It declares participant display names but sends none. */
  DROPS_DISPLAY_NAMES,
  /** It declares a per-transfer callback URI but never sends one. */
  IGNORES_TRANSFER_CALLBACK,
  /** It declares no SIP headers, yet sends them instead of refusing the command. */
  SENDS_UNDECLARED_SIP_HEADERS,
  /** It declares hold audio, but holds with the provider's own music whatever audio it is given. */
  DROPS_HOLD_AUDIO
}
