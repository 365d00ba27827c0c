package dev.handoff.ports.memory;

import static dev.handoff.ports.testing.Events.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.event.IncomingCall;
import dev.handoff.ports.out.IncomingCallStore;
import dev.handoff.ports.testing.IncomingCallStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryIncomingCallStoreTest extends IncomingCallStoreContract {

  @Override
  protected IncomingCallStore newStore(Clock clock, Duration retention) {
    return new InMemoryIncomingCallStore(
        InMemoryIncomingCallStore.DEFAULT_CAPACITY, retention, clock);
  }

  @Test
  void whenFullTheOldestAnnouncementMakesRoom() {
    InMemoryIncomingCallStore store = new InMemoryIncomingCallStore(2, RETENTION, clock);
    store.announce(incoming("e1", "call-1"));
    store.announce(incoming("e2", "call-2"));
    store.announce(incoming("e3", "call-3"));

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.recent(10))
        .extracting(IncomingCall::callId)
        .containsExactly("call-3", "call-2");
  }

  @Test
  void expiredCallsAreDroppedAsNewOnesArrive() {
    InMemoryIncomingCallStore store = new InMemoryIncomingCallStore(10, RETENTION, clock);
    store.announce(incoming("e1", "call-1"));
    clock.advance(RETENTION);
    store.announce(incoming("e2", "call-2"));

    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new InMemoryIncomingCallStore(0, RETENTION, clock))
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new InMemoryIncomingCallStore(1, Duration.ZERO, clock))
        .hasMessageContaining("retention");
  }
}
