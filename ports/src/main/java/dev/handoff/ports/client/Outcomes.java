package dev.handoff.ports.client;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.service.HandoffService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Waiting for operations to become final, and the sweep that settles overdue ones: run by the
 * waiters themselves, or on a background thread when asked for.
 */
final class Outcomes implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

  private final HandoffService service;
  private final Duration sweepInterval;
  private final Optional<ScheduledExecutorService> background;

  Outcomes(HandoffService service, Duration sweepInterval, boolean inBackground) {
    this.service = service;
    this.sweepInterval = sweepInterval;
    this.background = inBackground ? Optional.of(startSweep()) : Optional.empty();
  }

  CompletableFuture<Operation> outcome(OperationId id) {
    CompletableFuture<Operation> outcome = new CompletableFuture<>();
    Subscription subscription =
        service.subscribe(
            id,
            operation -> {
              if (operation.state().isFinal()) {
                outcome.complete(operation);
              }
            });
    outcome.whenComplete((operation, failure) -> subscription.close());
    return outcome;
  }

  Operation await(OperationId id, Duration timeout) {
    CompletableFuture<Operation> outcome = outcome(id);
    long end = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new OutcomeTimeoutException(service.find(id).orElseThrow(), timeout);
        }
        try {
          return outcome.get(Math.min(left, sweepInterval.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException notYet) {
          // Without a background sweep the waiter settles what is overdue, so that no wait
          // outlives an operation's deadline for want of a thread.
          if (background.isEmpty()) {
            sweepOnce();
          }
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new OutcomeTimeoutException(service.find(id).orElseThrow(), timeout);
    } catch (ExecutionException impossible) {
      throw new IllegalStateException(impossible.getCause());
    } finally {
      outcome.cancel(false);
    }
  }

  @Override
  public void close() {
    background.ifPresent(ScheduledExecutorService::shutdownNow);
  }

  private ScheduledExecutorService startSweep() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "handoff-sweep");
              thread.setDaemon(true);
              return thread;
            });
    long millis = sweepInterval.toMillis();
    executor.scheduleWithFixedDelay(this::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
    return executor;
  }

  private void sweepOnce() {
    try {
      service.expireOverdue();
    } catch (RuntimeException failed) {
      // The next sweep tries again; a failing store must not end the schedule.
      LOG.log(Level.WARNING, "the overdue-operation sweep failed", failed);
    }
  }
}
