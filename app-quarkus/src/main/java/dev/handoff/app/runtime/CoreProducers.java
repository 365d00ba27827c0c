package dev.handoff.app.runtime;

import dev.handoff.adapter.postgres.PostgresIncomingCallStore;
import dev.handoff.adapter.postgres.PostgresOperationChangeBus;
import dev.handoff.adapter.postgres.PostgresOperationStore;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.ports.memory.InMemoryIncomingCallStore;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.IncomingCallStore;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.DeadlinePolicy;
import dev.handoff.ports.service.DeliveryPolicy;
import dev.handoff.ports.service.HandoffService;
import dev.handoff.ports.service.ReconciliationPolicy;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** Produces the application service and the outbound ports it runs on. */
@ApplicationScoped
public class CoreProducers {
  private static final java.time.Duration LISTENING_TIMEOUT = java.time.Duration.ofSeconds(15);

  /**
   * @return the system UTC clock
   */
  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * @param config the configuration
   * @param clock the clock
   * @param dataSource the datasource, used only by the PostgreSQL store
   * @return the configured store: in memory by default, or PostgreSQL
   */
  @Produces
  @Singleton
  @DefaultBean
  OperationStore store(HandoffConfig config, Clock clock, Instance<DataSource> dataSource) {
    HandoffConfig.Store store = config.store();
    if (store.kind() == HandoffConfig.StoreKind.POSTGRES) {
      return PostgresOperationStore.builder(dataSource.get())
          .schema(store.schema())
          .claimLease(store.claimLease())
          .migrateOnBuild(store.migrate())
          .build();
    }
    return new InMemoryOperationStore(store.capacity(), store.retention(), clock);
  }

  /**
   * @param config the configuration
   * @param clock the clock
   * @param dataSource the datasource, used only with the PostgreSQL store
   * @param operations the operation store, whose kind the incoming calls follow (and whose
   *     migrations create the PostgreSQL table)
   * @return where announced incoming calls are kept: in memory, or in PostgreSQL shared by every
   *     instance when the operations are there
   */
  @Produces
  @Singleton
  @DefaultBean
  IncomingCallStore incomingCalls(
      HandoffConfig config,
      Clock clock,
      Instance<DataSource> dataSource,
      OperationStore operations) {
    HandoffConfig.IncomingCalls incoming = config.incomingCalls();
    if (operations instanceof PostgresOperationStore) {
      return PostgresIncomingCallStore.builder(dataSource.get())
          .schema(((PostgresOperationStore) operations).schema())
          .retention(incoming.retention())
          .clock(clock)
          .build();
    }
    return new InMemoryIncomingCallStore(incoming.capacity(), incoming.retention(), clock);
  }

  /**
   * @param store the store
   * @return the change bus: in-process, or across instances on PostgreSQL LISTEN/NOTIFY
   */
  @Produces
  @Singleton
  @DefaultBean
  OperationChangeBus bus(OperationStore store) {
    if (store instanceof PostgresOperationStore) {
      PostgresOperationChangeBus bus =
          PostgresOperationChangeBus.builder((PostgresOperationStore) store)
              .applicationName("handoff-change-bus")
              .start();
      try {
        if (bus.awaitListening(LISTENING_TIMEOUT)) {
          return bus;
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      bus.close();
      throw new IllegalStateException(
          "the PostgreSQL change bus could not start listening within " + LISTENING_TIMEOUT);
    }
    return new InMemoryOperationChangeBus();
  }

  void closeBus(@Disposes OperationChangeBus bus) {
    if (bus instanceof PostgresOperationChangeBus) {
      ((PostgresOperationChangeBus) bus).close();
    }
  }

  /**
   * @param provider the configured provider, observed
   * @param store the store
   * @param bus the bus
   * @param clock the clock
   * @param config the configuration
   * @param deliveries which callback deliveries may change which operations
   * @return the application service, which implements every use case
   */
  @Produces
  @Singleton
  HandoffService service(
      @Observed CallControl provider,
      OperationStore store,
      OperationChangeBus bus,
      Clock clock,
      HandoffConfig config,
      DeliveryPolicy deliveries) {
    HandoffConfig.Deadlines d = config.deadlines();
    HandoffConfig.Reconciliation reconciliation = config.reconciliation();
    return HandoffService.builder(provider, store, bus)
        .clock(clock)
        .deliveryPolicy(deliveries)
        .stateQuery(reconciliation.enabled() ? provider.stateQuery() : Optional.empty())
        .reconciliation(
            new ReconciliationPolicy(reconciliation.maxChecks(), reconciliation.recheckAfter()))
        .deadlines(
            new DeadlinePolicy(
                d.transfer(),
                d.addParticipantGrace(),
                d.defaultInvitation(),
                d.cancel(),
                d.redirectGrace(),
                d.defaultRing()))
        .build();
  }
}
