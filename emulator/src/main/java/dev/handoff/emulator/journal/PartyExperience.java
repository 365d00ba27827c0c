package dev.handoff.emulator.journal;

import java.time.Instant;
import java.util.List;

/**
 * What one party of a call experiences from a moment on: whether their line is up, what they hear
 * and whom they hear. The emulator records a new entry for a party whenever that changes, so the
 * entries of one party, in order, tell at every moment what they heard and whom they were connected
 * to: a caller put on hold, briefed agents, a bot that left, a caller dropped.
 *
 * @param sequence the order in which entries were recorded, from 1
 * @param time when it changed
 * @param provider {@code acs} or {@code graph}
 * @param callId the call the party is in (ACS call connection id, Graph call id)
 * @param party the party: an ACS raw id ({@code 4:+14255550100}) or a Graph identity ({@code
 *     phone:+14255550100}); the application (bot) is {@value #APPLICATION}
 * @param connected whether the party's line is up; false once they left or were dropped
 * @param hears what they hear: {@value #THE_CALL} (the parties in {@code with}), {@value #SILENCE}
 *     (connected and alone, with no hold audio), {@code hold: …} (hold audio: {@code hold: music},
 *     {@code hold: text "…"}, {@code hold: file …}), {@code prompt: …} (a prompt played to them),
 *     or {@value #NOTHING} when not connected
 * @param with the parties they hear and who hear them, sorted; empty on hold or when alone
 */
public record PartyExperience(
    long sequence,
    Instant time,
    String provider,
    String callId,
    String party,
    boolean connected,
    String hears,
    List<String> with) {

  /** The party name of the application (the bot). */
  public static final String APPLICATION = "application";

  /** Hearing the other parties of the call. */
  public static final String THE_CALL = "the call";

  /** Connected, alone, hearing nothing. */
  public static final String SILENCE = "silence";

  /** Not connected. */
  public static final String NOTHING = "nothing";

  /** Copies the list. */
  public PartyExperience {
    with = List.copyOf(with);
  }

  /**
   * @return whether the party is connected and hears nobody and no audio: alone in silence
   */
  public boolean aloneInSilence() {
    return connected && SILENCE.equals(hears);
  }

  /**
   * @return whether the party hears hold audio
   */
  public boolean onHold() {
    return connected && hears.startsWith("hold:");
  }
}
