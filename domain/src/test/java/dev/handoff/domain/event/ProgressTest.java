package dev.handoff.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.operation.OperationState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void completedFailedAndCancelledAreFinalForProgressAndForOperations() {
    assertThat(
            Arrays.stream(Progress.values()).filter(Progress::isFinal).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.of(Progress.COMPLETED, Progress.FAILED, Progress.CANCELLED));
    assertThat(
            Arrays.stream(OperationState.values())
                .filter(OperationState::isFinal)
                .collect(Collectors.toSet()))
        .isEqualTo(
            EnumSet.of(OperationState.COMPLETED, OperationState.FAILED, OperationState.CANCELLED));
  }

  @Test
  void aFinalProgressNamesAFinalState() {
    for (Progress progress : Progress.values()) {
      assertThat(OperationState.valueOf(progress.name()).isFinal()).isEqualTo(progress.isFinal());
    }
  }
}
