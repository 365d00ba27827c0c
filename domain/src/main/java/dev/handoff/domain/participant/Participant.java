package dev.handoff.domain.participant;

import java.util.Optional;

/**
 * Someone or something a call can be handed to, added or redirected to: the transfer target, the
 * transferee, an invitee.
 *
 * <p>Two participants are the same party when their {@link #rawId() raw ids} are equal, whatever
 * their display names.
 */
public sealed interface Participant
    permits AcsUser, PhoneNumber, TeamsUser, TeamsApp, TeamsExtensionUser, RawParticipant {

  /** Longest display name the model accepts. */
  int MAX_DISPLAY_NAME_LENGTH = 256;

  /**
   * @return the kind of participant
   */
  ParticipantKind kind();

  /**
   * @return the canonical raw id, e.g. {@code 4:+14255550123} or {@code 8:orgid:<user id>}
   */
  String rawId();

  /**
   * @return the display name, for providers that carry one (Microsoft Graph does; Azure
   *     Communication Services does not)
   */
  Optional<String> displayName();

  /**
   * @param other another participant
   * @return whether both address the same party (equal raw ids)
   */
  default boolean sameParty(Participant other) {
    return other != null && rawId().equals(other.rawId());
  }

  /**
   * Reads a raw id back into the most specific participant it denotes; ids of no known form become
   * a {@link RawParticipant}.
   *
   * @param rawId a raw id as providers report it
   * @return the participant
   */
  static Participant fromRawId(String rawId) {
    return RawIds.parse(rawId);
  }
}
