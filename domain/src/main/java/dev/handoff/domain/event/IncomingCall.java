package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A call arriving for the application, which it may answer, reject or redirect.
 *
 * <p>The custom context is kept exactly as received: it is what the caller's side sent, not a
 * context Handoff builds, so the sending limits are not applied to it.
 *
 * @param meta what every event carries
 * @param callId the call's id (ACS server call id, Graph call id)
 * @param incomingCallContext the opaque context needed to redirect the call
 * @param from the caller
 * @param to who was called
 * @param callerDisplayName the caller's display name, when given
 * @param sipHeaders custom SIP headers received, User-To-User included
 * @param voipHeaders VoIP headers received
 * @param transferor who transferred the call here, when it arrives by transfer
 * @param onBehalfOf on whose behalf the call arrives (ACS {@code onBehalfOfCallee}, Graph {@code
 *     incomingContext.onBehalfOf}), e.g. the call queue or user the application answers for
 * @param correlationId the provider's correlation (chain) id
 */
public record IncomingCall(
    EventMeta meta,
    String callId,
    String incomingCallContext,
    Participant from,
    Participant to,
    Optional<String> callerDisplayName,
    Map<String, String> sipHeaders,
    Map<String, String> voipHeaders,
    Optional<Participant> transferor,
    Optional<Participant> onBehalfOf,
    Optional<String> correlationId)
    implements ProviderEvent {

  /** Validates the event. */
  public IncomingCall {
    Violations v = Violations.of("IncomingCall");
    v.required("meta", meta);
    v.identifier("callId", callId);
    if (v.required("incomingCallContext", incomingCallContext)) {
      v.check(!incomingCallContext.isBlank(), "incomingCallContext", "must not be blank", null);
    }
    v.required("from", from);
    v.required("to", to);
    callerDisplayName = callerDisplayName == null ? Optional.empty() : callerDisplayName;
    sipHeaders = copy(sipHeaders);
    voipHeaders = copy(voipHeaders);
    transferor = transferor == null ? Optional.empty() : transferor;
    onBehalfOf = onBehalfOf == null ? Optional.empty() : onBehalfOf;
    correlationId = correlationId == null ? Optional.empty() : correlationId;
    v.throwIfAny();
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
