package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.Optional;

final class DisplayNames {
  private DisplayNames() {}

  static Optional<String> check(Violations violations, Optional<String> displayName) {
    Optional<String> name = displayName == null ? Optional.empty() : displayName;
    violations.optionalText("displayName", name, Participant.MAX_DISPLAY_NAME_LENGTH);
    return name;
  }
}
