package dev.handoff.domain.command;

import dev.handoff.domain.context.CallingContext;
import java.util.Optional;

/**
 * What the agent learns before the caller is put through: a prompt played to the agent alone once
 * they answer, and the calling context that travels with the invitation.
 *
 * @param prompt what the agent hears (the caller does not), e.g. "Caller asks about an invoice"
 * @param callingContext context delivered with the invitation (SIP headers, User-To-User, ...)
 */
public record Briefing(Optional<Prompt> prompt, CallingContext callingContext) {
  /** No prompt and no context. */
  public static final Briefing NONE = new Briefing(Optional.empty(), CallingContext.EMPTY);

  /** Normalises absent parts. */
  public Briefing {
    prompt = prompt == null ? Optional.empty() : prompt;
    callingContext = callingContext == null ? CallingContext.EMPTY : callingContext;
  }

  /**
   * @param text what the agent hears, spoken
   * @return a briefing with that speech and no context
   */
  public static Briefing saying(String text) {
    return new Briefing(Optional.of(Prompt.speech(text)), CallingContext.EMPTY);
  }

  /**
   * @param prompt what the agent hears
   * @param callingContext context that travels with the invitation
   * @return the briefing
   */
  public static Briefing of(Prompt prompt, CallingContext callingContext) {
    return new Briefing(Optional.ofNullable(prompt), callingContext);
  }
}
