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

  /**
   * Hands this participant to the visitor's method for its kind. Every place that treats the kinds
   * differently goes through here, so a new kind of participant does not compile until each of
   * those places handles it.
   *
   * @param visitor what to do for each kind of participant
   * @param <R> what the visitor returns
   * @return what the visitor returned for this participant
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * What to do for each kind of participant; one method per permitted type, none of them defaulted.
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    /**
     * @param user an Azure Communication Services user
     * @return the result for that user
     */
    R acsUser(AcsUser user);

    /**
     * @param phone a phone number
     * @return the result for that number
     */
    R phoneNumber(PhoneNumber phone);

    /**
     * @param user a Microsoft Teams user
     * @return the result for that user
     */
    R teamsUser(TeamsUser user);

    /**
     * @param app a Microsoft Teams application (bot, resource account)
     * @return the result for that application
     */
    R teamsApp(TeamsApp app);

    /**
     * @param user a Teams Phone extension user
     * @return the result for that user
     */
    R teamsExtensionUser(TeamsExtensionUser user);

    /**
     * @param raw a participant known only by its raw id
     * @return the result for that participant
     */
    R raw(RawParticipant raw);
  }
}
