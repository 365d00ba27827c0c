package dev.handoff.emulator.control;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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
 * @param groupTransferEnd how a completed transfer out of this group call is reported; {@code null}
 *     for {@link GroupTransferEnd#TERMINATED}, the documented shape
 * @param callId the id the call should have; {@code null} for a generated GUID
 */
public record GraphCallSpec(
    String callbackUri,
    List<String> participants,
    boolean group,
    GroupTransferEnd groupTransferEnd,
    String callId) {

  /**
   * The two shapes in which Graph may report that a transfer out of a group call completed. JSON:
   * {@code "terminated"}, {@code "roster"}.
   */
  public enum GroupTransferEnd {
    /**
     * As the transfer reference shows for a group call: {@code transferAccepted}, then the bot's
     * call {@code deleted} and {@code terminated} with {@code resultInfo} 0/7015.
     */
    TERMINATED("terminated"),
    /**
     * The bot stays in the group call: {@code transferAccepted}, then {@code established} without a
     * result, then a roster update without the transferee.
     */
    ROSTER("roster");

    private final String json;

    GroupTransferEnd(String json) {
      this.json = json;
    }

    /** The JSON name. */
    @JsonValue
    public String json() {
      return json;
    }

    /** Parses a JSON name, in any case. */
    @JsonCreator
    public static GroupTransferEnd parse(String value) {
      for (GroupTransferEnd end : values()) {
        if (end.json.equalsIgnoreCase(value)) {
          return end;
        }
      }
      throw new IllegalArgumentException(
          "unknown groupTransferEnd '" + value + "' (terminated, roster)");
    }
  }

  /** Validates and copies. */
  public GraphCallSpec {
    participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
    if (participants.isEmpty()) {
      throw new IllegalArgumentException(
          "a Graph call needs at least one participant besides the bot");
    }
    groupTransferEnd = groupTransferEnd == null ? GroupTransferEnd.TERMINATED : groupTransferEnd;
    if (callId != null && (callId.isBlank() || callId.contains("/"))) {
      throw new IllegalArgumentException(
          "callId must be a non-blank path segment, was '" + callId + "'");
    }
  }

  /**
   * A call whose group transfers end in the documented shape.
   *
   * @param callbackUri where the call's notifications go; {@code null} for the bot's webhook
   * @param participants the other participants as {@code kind:id}
   * @param group whether it is a group call
   */
  public GraphCallSpec(String callbackUri, List<String> participants, boolean group) {
    this(callbackUri, participants, group, GroupTransferEnd.TERMINATED, null);
  }

  /**
   * @param end how a completed transfer out of this group call is reported
   * @return this spec with that shape
   */
  public GraphCallSpec withGroupTransferEnd(GroupTransferEnd end) {
    return new GraphCallSpec(callbackUri, participants, group, end, callId);
  }

  /**
   * @param id the id the call should have
   * @return this spec with that id
   */
  public GraphCallSpec withCallId(String id) {
    return new GraphCallSpec(callbackUri, participants, group, groupTransferEnd, id);
  }

  /** A peer-to-peer call with one participant. */
  public static GraphCallSpec peerToPeer(String callbackUri, String participant) {
    return new GraphCallSpec(callbackUri, List.of(participant), false);
  }

  /** A group call with the given participants. */
  public static GraphCallSpec group(String callbackUri, String... participants) {
    return new GraphCallSpec(callbackUri, List.of(participants), true);
  }
}
