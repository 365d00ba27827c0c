package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /communications/calls/{id}/transfer}: exactly the two members both API
 * versions define.
 *
 * @param transferTarget the transfer target
 * @param transferee the transferee, for a group call
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferRequest(
    InvitationParticipantInfo transferTarget, ParticipantInfo transferee) {}
