package dev.handoff.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.SubmitContext;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.MutableClock;
import dev.handoff.ports.testing.Operations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A warm handoff is driven by its own saga: the application service's sweeps and lifecycle notes
 * must not touch it, or a sweep would mark it UNKNOWN, or send it as if it were one request.
 */
class HandoffServiceLeavesWarmHandoffsAloneTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final WarmHandoff HANDOFF =
      WarmHandoff.builder("call-1", List.of(HandoffTarget.of(PhoneNumber.of("+14255550123"))))
          .build();

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCallControl provider = new FakeCallControl();
  private final InMemoryOperationStore store =
      new InMemoryOperationStore(100, Duration.ofHours(1), clock);
  private final HandoffService service =
      HandoffService.builder(provider, store, new InMemoryOperationChangeBus())
          .clock(clock)
          .build();

  @Test
  void sweepsAndLifecycleEventsLeaveAHandoffToItsSaga() {
    Operation handoff = store.insertIfAbsent(Operations.requested("h-1", HANDOFF, T0));
    clock.advance(Duration.ofHours(1));

    assertThat(service.expireOverdue()).isZero();
    assertThat(service.resumeInterrupted(Duration.ofSeconds(1))).isZero();
    EventOutcome noted =
        service
            .record(
                List.of(
                    new CallLifecycleEvent(
                        new EventMeta(Operations.PROVIDER, "e-1", "CallDisconnected", T0),
                        "call-1",
                        CallLifecycleEvent.Change.DISCONNECTED,
                        List.of(),
                        null)))
            .outcomes()
            .get(0);

    assertThat(noted.result()).isEqualTo(EventOutcome.Result.UNMATCHED);
    assertThat(store.find(OperationId.of("h-1"))).contains(handoff);
    assertThat(provider.submissions()).isEmpty();
  }

  @Test
  void aHandoffIsNoSingleRequest() {
    assertThatThrownBy(() -> provider.submit(HANDOFF, SubmitContext.standalone(HANDOFF, clock)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saga");
  }
}
