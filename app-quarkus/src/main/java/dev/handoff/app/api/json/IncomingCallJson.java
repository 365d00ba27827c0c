package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.event.IncomingCall;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A call the provider announced.
 *
 * @param callId the incoming call's id
 * @param incomingCallContext the context needed to redirect it
 * @param from the caller
 * @param to who was called
 * @param callerDisplayName the caller's display name
 * @param userToUser the User-To-User information received, whichever spelling the provider used for
 *     it
 * @param sipHeaders custom SIP headers received (User-To-User included, under {@code User-To-User})
 * @param voipHeaders VoIP headers received
 * @param teamsPhoneCallDetails the Teams phone call details received
 * @param transferor who transferred the call here, if anyone
 * @param onBehalfOf on whose behalf the call arrives, if the provider says
 * @param correlationId the provider's correlation (chain) id
 * @param provider the provider
 * @param receivedAt when the provider says it happened
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "IncomingCall")
public record IncomingCallJson(
    String callId,
    String incomingCallContext,
    ParticipantJson from,
    ParticipantJson to,
    String callerDisplayName,
    String userToUser,
    Map<String, String> sipHeaders,
    Map<String, String> voipHeaders,
    CallingContextJson.TeamsPhoneCallDetailsJson teamsPhoneCallDetails,
    ParticipantJson transferor,
    ParticipantJson onBehalfOf,
    String correlationId,
    String provider,
    Instant receivedAt) {

  /**
   * @param call the domain event
   * @return its API form
   */
  public static IncomingCallJson of(IncomingCall call) {
    return new IncomingCallJson(
        call.callId(),
        call.incomingCallContext(),
        ParticipantJson.of(call.from()),
        ParticipantJson.of(call.to()),
        call.callerDisplayName().orElse(null),
        call.userToUser().orElse(null),
        call.sipHeaders(),
        call.voipHeaders(),
        call.teamsPhoneCallDetails()
            .map(CallingContextJson.TeamsPhoneCallDetailsJson::of)
            .orElse(null),
        call.transferor().map(ParticipantJson::of).orElse(null),
        call.onBehalfOf().map(ParticipantJson::of).orElse(null),
        call.correlationId().orElse(null),
        call.meta().provider().value(),
        call.meta().occurredAt());
  }
}
