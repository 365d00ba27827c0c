package dev.handoff.ports.out;

import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A call's participants as the provider lists them, without the application itself where the
 * provider tells it apart; or why they could not be listed.
 *
 * @param participants the participants, each with its participant id where the provider has one
 * @param failure why the list could not be had; empty when it was
 * @param evidence what the provider said
 */
public record Roster(
    List<Transferee> participants, Optional<Failure> failure, ProviderEvidence evidence) {

  /** Copies the list and normalises absent parts. */
  public Roster {
    participants = participants == null ? List.of() : List.copyOf(participants);
    failure = failure == null ? Optional.empty() : failure;
    evidence = evidence == null ? ProviderEvidence.NONE : evidence;
  }

  /**
   * @param participants the participants
   * @param evidence what the provider said
   * @return a roster that was had
   */
  public static Roster of(List<Transferee> participants, ProviderEvidence evidence) {
    return new Roster(participants, Optional.empty(), evidence);
  }

  /**
   * @param failure why it could not be had
   * @return a roster that could not be had
   */
  public static Roster failed(Failure failure) {
    return new Roster(
        List.of(), Optional.of(Objects.requireNonNull(failure, "failure")), failure.evidence());
  }
}
