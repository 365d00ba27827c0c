package dev.handoff.domain.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import dev.handoff.domain.failure.ProviderEvidence;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineEntryTest {

  @Test
  void anEntryMissingItsRequiredPartsIsAValidationExceptionNamingEach() {
    assertThatThrownBy(
            () ->
                new TimelineEntry(
                    null,
                    null,
                    null,
                    null,
                    null,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    ProviderEvidence.NONE,
                    Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            thrown ->
                assertThat(((ValidationException) thrown).violations())
                    .extracting(Violation::path)
                    .containsExactly("at", "source", "what", "state", "disposition"));
  }

  @Test
  void absentOptionalsBecomeEmpty() {
    TimelineEntry entry =
        new TimelineEntry(
            Instant.parse("2026-11-23T10:00:00Z"),
            TimelineEntry.Source.HANDOFF,
            "requested",
            OperationState.REQUESTED,
            Disposition.APPLIED,
            null,
            null,
            null,
            null,
            null);
    assertThat(entry.eventId()).isEmpty();
    assertThat(entry.step()).isEmpty();
    assertThat(entry.evidence()).isEqualTo(ProviderEvidence.NONE);
  }
}
