package dev.handoff.app.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.provider.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryProofTest {
  private static final EventMeta META =
      new EventMeta(ProviderId.of("graph"), "e-1", "call.terminated", Instant.EPOCH);

  @Test
  void theProofIsAddedAndNothingTheEventSaidIsLost() {
    Failure busy = Failure.of(FailureReason.BUSY, "the callee is busy");
    List<ProviderEvent> marked =
        DeliveryProof.mark(
            List.of(
                new CallLifecycleEvent(
                    META,
                    "consult-1",
                    CallLifecycleEvent.Change.DISCONNECTED,
                    List.of(),
                    null,
                    Optional.of(busy)),
                new CallActionUpdate(
                    META,
                    "call-1",
                    CallAction.PLAY,
                    Progress.FAILED,
                    Optional.of("h-1#4"),
                    Optional.empty(),
                    Optional.of(busy),
                    null)),
            DeliveryProof.JWT);
    CallLifecycleEvent ended = (CallLifecycleEvent) marked.get(0);
    assertThat(ended.failure()).contains(busy);
    assertThat(ended.evidence().references())
        .containsEntry(DeliveryProof.REFERENCE, DeliveryProof.JWT);
    CallActionUpdate play = (CallActionUpdate) marked.get(1);
    assertThat(play.failure()).contains(busy);
    assertThat(play.correlation()).contains("h-1#4");
    assertThat(play.evidence().references())
        .containsEntry(DeliveryProof.REFERENCE, DeliveryProof.JWT);
  }
}
