package dev.handoff.domain.command;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;

/**
 * Where the caller goes when no target of a warm handoff could be reached: back to the bot (the
 * default), or on to a last target such as a voicemail, by a blind transfer.
 */
public sealed interface Fallback permits Fallback.ReturnToBot, Fallback.LastTarget {

  /**
   * @return the caller comes off hold and talks to the bot again
   */
  static Fallback returnToBot() {
    return ReturnToBot.INSTANCE;
  }

  /**
   * @param participant where the caller is transferred, e.g. a voicemail
   * @return the caller comes off hold and is transferred there
   */
  static Fallback transferTo(Participant participant) {
    return new LastTarget(participant);
  }

  /** The caller comes off hold and is back with the bot. */
  final class ReturnToBot implements Fallback {
    static final ReturnToBot INSTANCE = new ReturnToBot();

    private ReturnToBot() {}

    @Override
    public String toString() {
      return "ReturnToBot";
    }
  }

  /**
   * The caller comes off hold and is transferred, blind, to a last target.
   *
   * @param participant the last target, e.g. a voicemail
   */
  record LastTarget(Participant participant) implements Fallback {
    /** Validates the target. */
    public LastTarget {
      Violations v = Violations.of("LastTarget");
      CommandRules.callable(v, "participant", participant);
      v.throwIfAny();
    }
  }
}
