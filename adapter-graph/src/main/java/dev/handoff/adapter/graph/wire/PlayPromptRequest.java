package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /communications/calls/{id}/playPrompt}.
 *
 * @param clientContext echoed in the operation's notifications (at most 256 characters)
 * @param prompts the prompts, played in order (at most 20)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayPromptRequest(String clientContext, List<MediaPrompt> prompts) {}
