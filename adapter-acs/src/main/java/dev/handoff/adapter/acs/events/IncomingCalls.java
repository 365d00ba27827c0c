package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.IncomingCallEventData;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.IncomingCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Event Grid's {@code Microsoft.Communication.IncomingCall}.
 *
 * <p>The custom context is kept as received, with one normalisation: the User-To-User header, which
 * ACS has been seen to report in odd casing ({@code user-To-User}), is keyed {@code User-To-User}
 * so that {@code sipHeaders().get(CallingContext.USER_TO_USER_HEADER)} finds it. Two User-To-User
 * entries differing only in case are a malformed event.
 */
final class IncomingCalls {
  private IncomingCalls() {}

  static IncomingCall map(Envelope envelope, EventMeta meta) {
    IncomingCallEventData data = AcsEventParser.data(envelope, IncomingCallEventData.class);
    String serverCallId =
        nonBlank(data.serverCallId())
            .orElseThrow(() -> new WireFormatException("data.serverCallId", "is missing"));
    String incomingCallContext =
        nonBlank(data.incomingCallContext())
            .orElseThrow(() -> new WireFormatException("data.incomingCallContext", "is missing"));
    CustomCallingContext context = data.customContext();
    Map<String, String> sip = context == null ? null : context.sipHeaders();
    Map<String, String> voip = context == null ? null : context.voipHeaders();
    return new IncomingCall(
        meta,
        serverCallId,
        incomingCallContext,
        ParticipantReader.read(data.from(), "data.from"),
        ParticipantReader.read(data.to(), "data.to"),
        nonBlank(data.callerDisplayName()),
        sipHeaders(sip),
        voip == null ? Map.of() : voip,
        Optional.empty(),
        data.onBehalfOfCallee() == null
            ? Optional.empty()
            : Optional.of(ParticipantReader.read(data.onBehalfOfCallee(), "data.onBehalfOfCallee")),
        nonBlank(data.correlationId()));
  }

  private static Map<String, String> sipHeaders(Map<String, String> received) {
    if (received == null || received.isEmpty()) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    received.forEach(
        (name, value) -> {
          String key =
              name.equalsIgnoreCase(CallingContext.USER_TO_USER_HEADER)
                  ? CallingContext.USER_TO_USER_HEADER
                  : name;
          if (headers.putIfAbsent(key, value) != null) {
            throw new WireFormatException(
                "data.customContext.sipHeaders", "holds '" + key + "' twice, in different casing");
          }
        });
    return headers;
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
