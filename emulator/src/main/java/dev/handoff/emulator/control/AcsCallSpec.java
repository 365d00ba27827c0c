package dev.handoff.emulator.control;

import java.util.List;
import java.util.Objects;

/**
 * An ACS call connection to create, already connected (as after CreateCall or AnswerCall).
 *
 * @param callbackUri where the call's events go
 * @param participants the other participants' raw ids ({@code 4:+14255550123}, {@code 8:acs:...},
 *     {@code 8:orgid:...}, {@code 28:orgid:...}); one makes a 1:1 call, more a group call
 * @param source the raw id of the caller / the app's source identity, or {@code null}
 * @param apiVersion the api-version the call was created with ({@code data.version} of its events),
 *     or {@code null} for 2026-03-12
 * @param announce whether to send {@code CallConnected} and {@code ParticipantsUpdated} first
 * @param callConnectionId the id the call connection should have, or {@code null} for a generated
 *     one (a chosen id makes demos and walkthroughs repeatable); at most 128 letters, digits,
 *     {@code -} or {@code _}, and not in use
 */
public record AcsCallSpec(
    String callbackUri,
    List<String> participants,
    String source,
    String apiVersion,
    boolean announce,
    String callConnectionId) {

  /** Validates and copies. */
  public AcsCallSpec {
    Objects.requireNonNull(callbackUri, "callbackUri");
    participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
    if (participants.isEmpty()) {
      throw new IllegalArgumentException(
          "an ACS call needs at least one participant besides the app");
    }
    if (callConnectionId != null && !callConnectionId.matches("[A-Za-z0-9_-]{1,128}")) {
      throw new IllegalArgumentException(
          "callConnectionId must be 1 to 128 letters, digits, '-' or '_': " + callConnectionId);
    }
  }

  /** A 1:1 call with one participant, not announced. */
  public static AcsCallSpec oneToOne(String callbackUri, String participantRawId) {
    return new AcsCallSpec(callbackUri, List.of(participantRawId), null, null, false, null);
  }

  /**
   * @param id the id the call connection should have
   * @return this spec with that id
   */
  public AcsCallSpec withCallConnectionId(String id) {
    return new AcsCallSpec(callbackUri, participants, source, apiVersion, announce, id);
  }

  /** A group call with the given participants, not announced. */
  public static AcsCallSpec group(String callbackUri, String... participantRawIds) {
    return new AcsCallSpec(callbackUri, List.of(participantRawIds), null, null, false, null);
  }
}
