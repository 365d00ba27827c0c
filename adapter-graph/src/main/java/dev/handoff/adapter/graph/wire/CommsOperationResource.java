package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Graph {@code commsOperation} or one of its derived types, such as the {@code
 * inviteParticipantsOperation} an invite returns and later reports on.
 *
 * @param odataType the type, when stated
 * @param id the operation id
 * @param status {@code notStarted}, {@code running}, {@code completed} or {@code failed}, in any
 *     case (responses say {@code Running}, notifications {@code completed})
 * @param clientContext the echoed client context
 * @param resultInfo the result
 * @param participants the invited participants, for an invite operation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommsOperationResource(
    @JsonProperty("@odata.type") String odataType,
    String id,
    String status,
    String clientContext,
    ResultInfo resultInfo,
    List<InvitationParticipantInfo> participants) {}
