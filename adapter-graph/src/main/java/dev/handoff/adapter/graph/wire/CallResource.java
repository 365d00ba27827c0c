package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The members of a Graph {@code call} that notifications carry and the adapter reads. {@code
 * terminationReason} and {@code replacesContext} appear in notifications although only the beta
 * schema or the docs' examples name them.
 *
 * @param odataType the type, when stated
 * @param id the call id
 * @param state the call state, in whatever case Graph sends it
 * @param direction {@code incoming} or {@code outgoing}
 * @param callChainId the call chain id
 * @param tenantId the tenant
 * @param resultInfo the result of the last operation on the call
 * @param terminationReason why the call ended, e.g. {@code AppTransferred}
 * @param replacesContext the opaque context of a failed consultative transfer
 * @param source the caller of an incoming call
 * @param targets who an incoming call is for
 * @param incomingContext how an incoming call arrived
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallResource(
    @JsonProperty("@odata.type") String odataType,
    String id,
    String state,
    String direction,
    String callChainId,
    String tenantId,
    ResultInfo resultInfo,
    String terminationReason,
    String replacesContext,
    ParticipantInfo source,
    List<InvitationParticipantInfo> targets,
    IncomingContext incomingContext) {}
