package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.IncomingCallEventData;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.IncomingCall;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Event Grid's {@code Microsoft.Communication.IncomingCall}.
 *
 * <p>The custom context is kept whole: SIP and VoIP headers as received, and the Teams phone call
 * details. One normalisation, the model's: the User-To-User information, which ACS reports under
 * {@code User-To-User}, in odd casing ({@code user-To-User}) or as {@code userToUser} (Microsoft's
 * own example of the event), is keyed {@code User-To-User}, so that {@code
 * IncomingCall.userToUser()} finds it. Two entries naming it are a malformed event.
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
        sip == null ? Map.of() : sip,
        voip == null ? Map.of() : voip,
        TeamsPhoneDetailsReader.read(context == null ? null : context.teamsPhoneCallDetails()),
        Optional.empty(),
        data.onBehalfOfCallee() == null
            ? Optional.empty()
            : Optional.of(ParticipantReader.read(data.onBehalfOfCallee(), "data.onBehalfOfCallee")),
        nonBlank(data.correlationId()));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
