package dev.handoff.emulator.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault to inject into outgoing callbacks. Every non-null criterion must match.
 *
 * @param event the callback's event name (ACS: {@code CallTransferAccepted}; Graph: e.g. {@code
 *     call.transferAccepted}, see the README), case-insensitive, or {@code null} for any
 * @param callId the call connection id / Graph call id, or {@code null} for any
 * @param kind what to do
 * @param times how many matching callbacks it applies to; {@code null} or {@code 0} = all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackFault(String event, String callId, Kind kind, Integer times) {

  /** Validates the rule. */
  public CallbackFault {
    Objects.requireNonNull(kind, "kind");
    if (times != null && times < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
  }

  /** A one-shot fault for the next callback with that event name. */
  public static CallbackFault once(String event, Kind kind) {
    return new CallbackFault(event, null, kind, 1);
  }

  /** What happens to a matching callback. */
  public enum Kind {
    /** Never delivered (journaled as lost). */
    LOST("lost"),
    /** Delivered twice. */
    DUPLICATED("duplicated"),
    /** Held back and delivered after the next callback of the same call. */
    REORDERED("reordered");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    /** The JSON name. */
    @JsonValue
    public String json() {
      return json;
    }

    /** Parses a JSON name, case-insensitively. */
    @JsonCreator
    public static Kind parse(String value) {
      for (Kind kind : values()) {
        if (kind.json.equals(value.toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "unknown callback fault '" + value + "' (lost, duplicated, reordered)");
    }
  }
}
