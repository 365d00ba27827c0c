package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.List;
import java.util.Optional;

/**
 * An Azure Communication Services user, addressed by the id the ACS identity service issued.
 *
 * @param id the user id, e.g. {@code 8:acs:<resource id>_<user id>}; it is also the raw id
 * @param displayName an optional display name
 */
public record AcsUser(String id, Optional<String> displayName) implements Participant {
  /** The id prefixes of ACS users: public cloud, legacy spool, DoD and GCC High. */
  public static final List<String> ID_PREFIXES =
      List.of("8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:");

  /** Validates the user. */
  public AcsUser {
    Violations v = Violations.of("AcsUser");
    if (v.identifier("id", id)) {
      String value = id;
      v.check(
          ID_PREFIXES.stream()
              .anyMatch(prefix -> value.startsWith(prefix) && value.length() > prefix.length()),
          "id",
          "must start with one of " + ID_PREFIXES + " followed by the user part",
          id);
    }
    displayName = DisplayNames.check(v, displayName);
    v.throwIfAny();
  }

  /**
   * @param id the ACS user id
   * @return the user without a display name
   */
  public static AcsUser of(String id) {
    return new AcsUser(id, Optional.empty());
  }

  /**
   * @param name the display name
   * @return this user with that display name
   */
  public AcsUser withDisplayName(String name) {
    return new AcsUser(id, Optional.ofNullable(name));
  }

  @Override
  public ParticipantKind kind() {
    return ParticipantKind.ACS_USER;
  }

  @Override
  public String rawId() {
    return id;
  }

  @Override
  public <R> R accept(Participant.Visitor<R> visitor) {
    return visitor.acsUser(this);
  }
}
