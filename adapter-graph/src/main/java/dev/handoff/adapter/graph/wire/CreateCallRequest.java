package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /communications/calls} for an outgoing peer-to-peer call with
 * service-hosted media: a warm handoff's consultation call to an agent.
 *
 * @param odataType {@value #TYPE}
 * @param callbackUri where the call's notifications go; required
 * @param targets the one party called
 * @param requestedModalities {@code audio}
 * @param mediaConfig service-hosted media, so that prompts can be played in it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateCallRequest(
    @JsonProperty("@odata.type") String odataType,
    String callbackUri,
    List<InvitationParticipantInfo> targets,
    List<String> requestedModalities,
    ServiceHostedMediaConfig mediaConfig) {
  /** The type name. */
  public static final String TYPE = "#microsoft.graph.call";
}
