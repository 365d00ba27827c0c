package dev.handoff.emulator.control;

import java.util.List;
import java.util.Objects;

/**
 * A Graph call of the bot to create, already established.
 *
 * @param callbackUri where the call's notifications go; {@code null} for the bot's configured
 *     webhook
 * @param participants the other participants as {@code kind:id}: {@code user:<entra id>}, {@code
 *     phone:+14255550123}, {@code application:<app id>}, {@code applicationInstance:<id>}, {@code
 *     guest:<id>}, {@code acsUser:<8:acs:...>}
 * @param group whether it is a group call (also implied by more than one participant)
 * @param callId the id the call should have, or {@code null} for a generated one (a bot that knows
 *     a call's id before its notifications flow, as when it answers an incoming call, can point
 *     them at a URL bound to that id)
 */
public record GraphCallSpec(
    String callbackUri, List<String> participants, boolean group, String callId) {

  /**
   * A call with a generated id.
   *
   * @param callbackUri where the call's notifications go
   * @param participants the other participants
   * @param group whether it is a group call
   */
  public GraphCallSpec(String callbackUri, List<String> participants, boolean group) {
    this(callbackUri, participants, group, null);
  }

  /** Validates and copies. */
  public GraphCallSpec {
    participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
    if (participants.isEmpty()) {
      throw new IllegalArgumentException(
          "a Graph call needs at least one participant besides the bot");
    }
  }

  /** A peer-to-peer call with one participant. */
  public static GraphCallSpec peerToPeer(String callbackUri, String participant) {
    return new GraphCallSpec(callbackUri, List.of(participant), false);
  }

  /**
   * @param id the id the call should have
   * @return this call, under that id
   */
  public GraphCallSpec withCallId(String id) {
    return new GraphCallSpec(callbackUri, participants, group, id);
  }

  /** A group call with the given participants. */
  public static GraphCallSpec group(String callbackUri, String... participants) {
    return new GraphCallSpec(callbackUri, List.of(participants), true);
  }
}
