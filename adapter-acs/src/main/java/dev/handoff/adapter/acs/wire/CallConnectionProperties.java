package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code CallConnectionProperties}: a call connection as {@code GET
 * /calling/callConnections/{callConnectionId}} answers it (the members reconciliation reads; the
 * rest are ignored).
 *
 * @param callConnectionId the call connection id
 * @param serverCallId the server call id
 * @param callConnectionState {@code unknown}, {@code connecting}, {@code connected}, {@code
 *     transferring}, {@code transferAccepted}, {@code disconnecting} or {@code disconnected}
 * @param targets the targets of the call
 * @param correlationId the correlation id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallConnectionProperties(
    @JsonProperty("callConnectionId") String callConnectionId,
    @JsonProperty("serverCallId") String serverCallId,
    @JsonProperty("callConnectionState") String callConnectionState,
    @JsonProperty("targets") List<CommunicationIdentifierModel> targets,
    @JsonProperty("correlationId") String correlationId) {}
