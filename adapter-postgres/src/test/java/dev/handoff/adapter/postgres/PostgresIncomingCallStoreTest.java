package dev.handoff.adapter.postgres;

import static dev.handoff.ports.testing.Events.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.event.IncomingCall;
import dev.handoff.ports.out.IncomingCallStore;
import dev.handoff.ports.testing.IncomingCallStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The incoming-call store contract on PostgreSQL, and what sharing one database gives. */
class PostgresIncomingCallStoreTest extends IncomingCallStoreContract {
  private static String schema;

  @BeforeAll
  static void migrate() {
    schema = TestDatabase.migratedSchema("incoming");
  }

  @Override
  protected IncomingCallStore newStore(Clock clock, Duration retention) {
    TestDatabase.execute("TRUNCATE " + schema + ".incoming_call");
    return instance(clock, retention);
  }

  private static PostgresIncomingCallStore instance(Clock clock, Duration retention) {
    return PostgresIncomingCallStore.builder(TestDatabase.dataSource())
        .schema(schema)
        .retention(retention)
        .clock(clock)
        .build();
  }

  @Test
  void aCallAnnouncedToOneInstanceIsListedAndFoundByAnother() {
    IncomingCallStore told = newStore(clock, RETENTION);
    IncomingCallStore asked = instance(clock, RETENTION);
    IncomingCall call = incoming("e1", "call-1");
    told.announce(call);

    assertThat(asked.recent(10)).containsExactly(call);
    assertThat(asked.find("call-1")).contains(call);
  }
}
