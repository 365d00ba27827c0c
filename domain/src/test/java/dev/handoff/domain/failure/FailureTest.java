package dev.handoff.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import org.junit.jupiter.api.Test;

class FailureTest {

  @Test
  void aFailureWithoutReasonOrMessageIsAValidationExceptionNamingBoth() {
    assertThatThrownBy(() -> new Failure(null, false, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid Failure: reason is required; message is required")
        .satisfies(
            thrown ->
                assertThat(((ValidationException) thrown).violations())
                    .extracting(Violation::path)
                    .containsExactly("reason", "message"));
  }

  @Test
  void missingEvidenceIsNone() {
    assertThat(new Failure(FailureReason.DECLINED, false, "declined", null).evidence())
        .isEqualTo(ProviderEvidence.NONE);
  }
}
