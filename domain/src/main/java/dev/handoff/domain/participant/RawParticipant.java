package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.Optional;

/**
 * An escape hatch: a participant known only by a raw id the model has no type for. Providers
 * receive the raw id as is.
 *
 * @param rawId the raw id
 */
public record RawParticipant(String rawId) implements Participant {

  /** Validates the id. */
  public RawParticipant {
    Violations v = Violations.of("RawParticipant");
    v.identifier("rawId", rawId);
    v.throwIfAny();
  }

  @Override
  public ParticipantKind kind() {
    return ParticipantKind.RAW;
  }

  @Override
  public Optional<String> displayName() {
    return Optional.empty();
  }

  @Override
  public <R> R accept(Participant.Visitor<R> visitor) {
    return visitor.raw(this);
  }
}
