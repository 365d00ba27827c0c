package dev.handoff.ports.service;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.OperationFilter;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import java.util.Objects;
import java.util.Optional;

/** Reads operations and watches their changes. */
final class OperationQueries {
  private final OperationStore store;
  private final OperationChangeBus bus;

  OperationQueries(OperationStore store, OperationChangeBus bus) {
    this.store = store;
    this.bus = bus;
  }

  Optional<Operation> find(OperationId id) {
    return store.find(id);
  }

  OperationPage list(OperationQuery query) {
    return store.list(query);
  }

  Subscription subscribe(OperationId id, OperationListener listener) {
    VersionGate gate = new VersionGate(listener);
    Subscription subscription = bus.subscribe(id, gate::offer);
    gate.attach(subscription);
    Optional<Operation> current = store.find(id);
    if (current.isEmpty()) {
      subscription.close();
      throw new OperationNotFoundException(id);
    }
    gate.offer(current.get());
    return gate;
  }

  Subscription subscribeAll(OperationFilter filter, OperationListener listener) {
    ChangeFeed feed =
        new ChangeFeed(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(listener));
    feed.attach(bus.subscribeAll(feed::offer));
    return feed;
  }
}
