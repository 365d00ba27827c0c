package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.participant.Participant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call arriving for the application, which it may answer, reject or redirect.
 *
 * <p>The custom context is kept as received, whole: it is what the caller's side sent, not a
 * context Handoff builds, so no provider's sending limits are applied to it. One normalisation: the
 * User-To-User information is always keyed {@value CallingContext#USER_TO_USER_HEADER} in {@link
 * #sipHeaders()}, whichever spelling the provider used ({@code user-to-user}, {@code userToUser},
 * ...), and {@link #userToUser()} returns it.
 *
 * @param meta what every event carries
 * @param callId the call's id (ACS server call id, Graph call id)
 * @param incomingCallContext the opaque context needed to redirect the call
 * @param from the caller
 * @param to who was called
 * @param callerDisplayName the caller's display name, when given
 * @param sipHeaders custom SIP headers received, User-To-User included under {@value
 *     CallingContext#USER_TO_USER_HEADER}
 * @param voipHeaders VoIP headers received
 * @param teamsPhoneCallDetails the Teams phone call details received
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
    Optional<TeamsPhoneCallDetails> teamsPhoneCallDetails,
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
    voipHeaders = copy(voipHeaders);
    teamsPhoneCallDetails =
        teamsPhoneCallDetails == null ? Optional.empty() : teamsPhoneCallDetails;
    sipHeaders = userToUserNormalised(v, sipHeaders);
    transferor = transferor == null ? Optional.empty() : transferor;
    onBehalfOf = onBehalfOf == null ? Optional.empty() : onBehalfOf;
    correlationId = correlationId == null ? Optional.empty() : correlationId;
    v.throwIfAny();
  }

  /**
   * An incoming call without Teams phone call details.
   *
   * @param meta what every event carries
   * @param callId the call's id
   * @param incomingCallContext the opaque context needed to redirect the call
   * @param from the caller
   * @param to who was called
   * @param callerDisplayName the caller's display name, when given
   * @param sipHeaders custom SIP headers received, User-To-User included
   * @param voipHeaders VoIP headers received
   * @param transferor who transferred the call here
   * @param onBehalfOf on whose behalf the call arrives
   * @param correlationId the provider's correlation (chain) id
   */
  public IncomingCall(
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
      Optional<String> correlationId) {
    this(
        meta,
        callId,
        incomingCallContext,
        from,
        to,
        callerDisplayName,
        sipHeaders,
        voipHeaders,
        Optional.empty(),
        transferor,
        onBehalfOf,
        correlationId);
  }

  /**
   * @return the User-To-User information received, whichever spelling the provider used for it
   */
  public Optional<String> userToUser() {
    return Optional.ofNullable(sipHeaders.get(CallingContext.USER_TO_USER_HEADER));
  }

  private static Map<String, String> userToUserNormalised(
      Violations v, Map<String, String> received) {
    if (received == null || received.isEmpty()) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> spellings = new ArrayList<>();
    received.forEach(
        (name, value) -> {
          if (name != null && CallingContext.isUserToUserName(name)) {
            spellings.add(name);
            headers.put(CallingContext.USER_TO_USER_HEADER, value);
          } else {
            headers.put(name, value);
          }
        });
    v.check(
        spellings.size() <= 1,
        "sipHeaders",
        "must hold the User-To-User information once, under one name",
        String.join(", ", spellings));
    return Collections.unmodifiableMap(headers);
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
