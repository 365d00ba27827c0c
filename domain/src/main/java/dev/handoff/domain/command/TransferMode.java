package dev.handoff.domain.command;

import dev.handoff.domain.Violations;

/**
 * How a call is transferred (RFC 5589): blind (basic) or consultative (the target is already in a
 * consultation call with the transferor, and that call is replaced).
 */
public sealed interface TransferMode permits TransferMode.Blind, TransferMode.Consultative {

  /**
   * @return a blind transfer
   */
  static TransferMode blind() {
    return Blind.INSTANCE;
  }

  /**
   * @param replacesCallId the consultation call the target is in
   * @return a consultative transfer replacing that call
   */
  static TransferMode consultative(String replacesCallId) {
    return new Consultative(replacesCallId);
  }

  /** Blind (basic) transfer: the transferee is handed to the target without consultation. */
  final class Blind implements TransferMode {
    static final Blind INSTANCE = new Blind();

    private Blind() {}

    @Override
    public String toString() {
      return "Blind";
    }
  }

  /**
   * Consultative (attended) transfer: the target already talks with the transferor in the call
   * {@code replacesCallId}; the transfer replaces that call.
   *
   * @param replacesCallId the consultation call's id
   */
  record Consultative(String replacesCallId) implements TransferMode {
    /** Validates the id. */
    public Consultative {
      Violations v = Violations.of("Consultative");
      v.identifier("replacesCallId", replacesCallId);
      v.throwIfAny();
    }
  }
}
