package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /communications/calls/{id}/redirect}.
 *
 * @param targets where the call goes (at most 25; several ring at once)
 * @param timeout how long they ring, 15 to 90 seconds
 * @param callbackUri where the call's further notifications go
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedirectRequest(
    List<InvitationParticipantInfo> targets, Integer timeout, String callbackUri) {}
