package dev.handoff.emulator.fault;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an injected fault does to a matching request. JSON carries a {@code type}: {@code error},
 * {@code latency}, {@code held}, {@code drop} or {@code noResponse}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FaultAction.Error.class, name = "error"),
  @JsonSubTypes.Type(value = FaultAction.Latency.class, name = "latency"),
  @JsonSubTypes.Type(value = FaultAction.Held.class, name = "held"),
  @JsonSubTypes.Type(value = FaultAction.Drop.class, name = "drop"),
  @JsonSubTypes.Type(value = FaultAction.NoResponse.class, name = "noResponse")
})
public sealed interface FaultAction {

  /**
   * Answer with an HTTP error in the provider's error shape, without executing the request. A 429
   * or 503 with {@code retryAfterSeconds} carries {@code Retry-After}.
   *
   * @param status the HTTP status, 400..599
   * @param retryAfterSeconds the {@code Retry-After} value, or {@code null} for none
   */
  record Error(int status, Integer retryAfterSeconds) implements FaultAction {
    /** Validates the status. */
    public Error {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("fault status must be 400..599 but was " + status);
      }
      if (retryAfterSeconds != null && retryAfterSeconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must not be negative");
      }
    }
  }

  /**
   * Wait before handling the request normally.
   *
   * @param millis the delay
   */
  record Latency(long millis) implements FaultAction {
    /** Validates the delay. */
    public Latency {
      if (millis < 0) {
        throw new IllegalArgumentException("latency must not be negative");
      }
    }
  }

  /**
   * Hold the request until its gate is opened ({@link
   * dev.handoff.emulator.control.EmulatorControl#openGate(String)}), then handle it normally: a
   * test acts while a request is in flight without guessing how long it needs. A gate opened stays
   * open, so a request reaching it later passes at once, until the faults are cleared (which opens
   * every gate). A gate never opened lets its request through after the emulator's hold limit.
   *
   * @param gate the gate's name
   */
  record Held(String gate) implements FaultAction {
    /** Validates the name. */
    public Held {
      if (gate == null || gate.isBlank()) {
        throw new IllegalArgumentException("a held fault needs the name of its gate");
      }
    }
  }

  /**
   * Close the connection without a response.
   *
   * @param afterExecution {@code true} to execute the request first (the client cannot tell)
   */
  record Drop(boolean afterExecution) implements FaultAction {}

  /**
   * Read the request and never answer, until the client times out (or the emulator's hold limit).
   *
   * @param afterExecution {@code true} to execute the request first (the client cannot tell)
   */
  record NoResponse(boolean afterExecution) implements FaultAction {}
}
