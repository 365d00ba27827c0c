package dev.handoff.contract.port;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.ProviderEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a platform's deliveries for a call, parses them and waits for operation updates. */
final class EventLog {
  private static final Duration POLL = Duration.ofMillis(50);

  private final CallControlTestPlatform platform;

  EventLog(CallControlTestPlatform platform) {
    this.platform = platform;
  }

  /**
   * @return every operation update of that kind on that call delivered so far, in order; every
   *     delivery must parse
   */
  List<OperationUpdate> updates(String callId, OperationKind kind) {
    List<OperationUpdate> updates = new ArrayList<>();
    for (Delivery delivery : platform.deliveries(callId)) {
      for (ProviderEvent event : platform.parse(delivery)) {
        if (event instanceof OperationUpdate) {
          OperationUpdate update = (OperationUpdate) event;
          if (update.callId().equals(callId) && update.scope() == kind) {
            updates.add(update);
          }
        }
      }
    }
    return updates;
  }

  /**
   * Waits until an update of that kind on that call satisfies the condition.
   *
   * @return the first such update
   * @throws AssertionError naming what arrived when none does within the platform's event timeout
   */
  OperationUpdate await(
      String callId, OperationKind kind, Predicate<OperationUpdate> condition, String what) {
    Instant deadline = Instant.now().plus(platform.eventTimeout());
    while (true) {
      List<OperationUpdate> updates = updates(callId, kind);
      for (OperationUpdate update : updates) {
        if (condition.test(update)) {
          return update;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no "
                + kind
                + " update on call "
                + callId
                + " "
                + what
                + " within "
                + platform.eventTimeout()
                + "; updates seen: "
                + describe(updates));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for events", e);
      }
    }
  }

  private static List<String> describe(List<OperationUpdate> updates) {
    List<String> seen = new ArrayList<>();
    for (OperationUpdate update : updates) {
      seen.add(
          update.progress()
              + update.failure().map(failure -> "(" + failure.reason() + ")").orElse(""));
    }
    return seen;
  }
}
