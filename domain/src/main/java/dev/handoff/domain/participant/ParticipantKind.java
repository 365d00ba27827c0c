package dev.handoff.domain.participant;

/** The kinds of {@link Participant}; a provider declares which kinds it can address. */
public enum ParticipantKind {
  /** {@link AcsUser}. */
  ACS_USER,
  /** {@link PhoneNumber}. */
  PHONE_NUMBER,
  /** {@link TeamsUser}. */
  TEAMS_USER,
  /** {@link TeamsApp}. */
  TEAMS_APP,
  /** {@link TeamsExtensionUser}. */
  TEAMS_EXTENSION_USER,
  /** {@link RawParticipant}. */
  RAW
}
