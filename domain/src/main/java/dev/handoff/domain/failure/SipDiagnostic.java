package dev.handoff.domain.failure;

import java.util.Optional;

/**
 * A SIP response code or a Q.850 cause, with its text, as a provider reported it.
 *
 * @param code the code, e.g. 486 (SIP busy here) or 17 (Q.850 user busy)
 * @param message the provider's text for it
 */
public record SipDiagnostic(int code, Optional<String> message) {
  /** Normalises an absent message. */
  public SipDiagnostic {
    message = message == null ? Optional.empty() : message;
  }
}
