package dev.handoff.emulator.control;

import java.util.List;

/**
 * A created Graph call.
 *
 * @param callId the call id used in the REST paths
 * @param myParticipantId the bot's participant id
 * @param participants the other participants and their participant ids (a group transfer names the
 *     transferee by participant id)
 */
public record GraphCall(String callId, String myParticipantId, List<Participant> participants) {

  /** Copies the list. */
  public GraphCall {
    participants = List.copyOf(participants);
  }

  /**
   * A participant of a Graph call.
   *
   * @param participantId its id in the call
   * @param identity its identity in the control notation ({@code user:<id>}, ...)
   */
  public record Participant(String participantId, String identity) {}
}
