package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /communications/calls/{id}/participants/invite}.
 *
 * @param participants who is invited
 * @param clientContext the correlation string Graph echoes in the operation's notifications (at
 *     most 256 characters)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InviteParticipantsRequest(
    List<InvitationParticipantInfo> participants, String clientContext) {}
