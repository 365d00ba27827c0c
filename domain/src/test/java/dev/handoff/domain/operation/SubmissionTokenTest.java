package dev.handoff.domain.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmissionTokenTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.250Z");

  @Test
  void aRequestIdThatIsNoRandomUuidIsAValidationException() {
    UUID nameBased =
        UUID.nameUUIDFromBytes("handoff".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new SubmissionToken(nameBased, T0))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Invalid SubmissionToken: requestId must be a version 4 (random) UUID (was \""
                + nameBased
                + "\")");
  }

  @Test
  void missingPartsAreAValidationExceptionNamingEach() {
    assertThatThrownBy(() -> new SubmissionToken(null, null))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            thrown ->
                assertThat(((ValidationException) thrown).violations())
                    .extracting(Violation::path)
                    .containsExactly("requestId", "firstSent"));
  }

  @Test
  void theFirstSendingIsKeptToTheSecond() {
    assertThat(SubmissionToken.create(T0).firstSent())
        .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
  }
}
