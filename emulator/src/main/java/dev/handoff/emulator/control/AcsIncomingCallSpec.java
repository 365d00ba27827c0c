package dev.handoff.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming ACS call to announce with an Event Grid {@code Microsoft.Communication.IncomingCall}
 * event.
 *
 * @param from the caller's raw id
 * @param to the callee's raw id (a number or user of the resource)
 * @param callerDisplayName the caller's display name, or {@code null}
 * @param sipHeaders custom SIP headers the call carries ({@code customContext.sipHeaders}), or
 *     {@code null}
 * @param voipHeaders custom VoIP headers, or {@code null}
 * @param teamsPhoneCallDetails the {@code customContext.teamsPhoneCallDetails} the call carries, as
 *     the spec's {@code TeamsPhoneCallDetails} JSON, or {@code null}
 */
public record AcsIncomingCallSpec(
    String from,
    String to,
    String callerDisplayName,
    Map<String, String> sipHeaders,
    Map<String, String> voipHeaders,
    JsonNode teamsPhoneCallDetails) {

  /** Validates and copies. */
  public AcsIncomingCallSpec {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    sipHeaders = sipHeaders == null ? null : Map.copyOf(sipHeaders);
    voipHeaders = voipHeaders == null ? null : Map.copyOf(voipHeaders);
    if (teamsPhoneCallDetails != null && !teamsPhoneCallDetails.isObject()) {
      throw new IllegalArgumentException("teamsPhoneCallDetails must be a JSON object");
    }
    teamsPhoneCallDetails = teamsPhoneCallDetails == null ? null : teamsPhoneCallDetails.deepCopy();
  }

  /**
   * An incoming call with SIP and VoIP headers only.
   *
   * @param from the caller's raw id
   * @param to the callee's raw id
   * @param callerDisplayName the caller's display name, or {@code null}
   * @param sipHeaders custom SIP headers, or {@code null}
   * @param voipHeaders custom VoIP headers, or {@code null}
   */
  public AcsIncomingCallSpec(
      String from,
      String to,
      String callerDisplayName,
      Map<String, String> sipHeaders,
      Map<String, String> voipHeaders) {
    this(from, to, callerDisplayName, sipHeaders, voipHeaders, null);
  }

  /** An incoming call without custom context. */
  public static AcsIncomingCallSpec of(String from, String to) {
    return new AcsIncomingCallSpec(from, to, null, null, null, null);
  }
}
