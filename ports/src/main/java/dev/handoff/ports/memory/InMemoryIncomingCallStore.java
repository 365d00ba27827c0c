package dev.handoff.ports.memory;

import dev.handoff.domain.event.IncomingCall;
import dev.handoff.ports.out.IncomingCallStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An {@link IncomingCallStore} in memory, for one instance: bounded, the oldest announcement
 * dropped first when full, expired ones dropped as new ones arrive. Thread-safe.
 */
public final class InMemoryIncomingCallStore implements IncomingCallStore {
  /** Default capacity. */
  public static final int DEFAULT_CAPACITY = 200;

  private record Announced(IncomingCall call, Instant at) {
    boolean sameEvent(IncomingCall other) {
      return call.meta().provider().equals(other.meta().provider())
          && call.meta().eventId().equals(other.meta().eventId());
    }
  }

  private final int capacity;
  private final Duration retention;
  private final Clock clock;

  /** Newest first. */
  private final Deque<Announced> calls = new ArrayDeque<>();

  /** A store with the default capacity and retention on the system clock. */
  public InMemoryIncomingCallStore() {
    this(DEFAULT_CAPACITY, DEFAULT_RETENTION, Clock.systemUTC());
  }

  /**
   * @param capacity the most calls held at once, at least 1
   * @param retention how long a call is kept after its announcement, positive
   * @param clock the clock announcements and expiry are read from
   */
  public InMemoryIncomingCallStore(int capacity, Duration retention, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: must be at least 1, was " + capacity);
    }
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention: must be positive, was " + retention);
    }
    this.capacity = capacity;
    this.retention = retention;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized void announce(IncomingCall call) {
    Objects.requireNonNull(call, "call");
    forgetExpired();
    if (calls.stream().anyMatch(known -> known.sameEvent(call))) {
      return;
    }
    calls.addFirst(new Announced(call, clock.instant()));
    while (calls.size() > capacity) {
      calls.removeLast();
    }
  }

  @Override
  public synchronized List<IncomingCall> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
    }
    Instant cutoff = cutoff();
    return calls.stream()
        .filter(announced -> announced.at().isAfter(cutoff))
        .limit(limit)
        .map(Announced::call)
        .collect(Collectors.toList());
  }

  @Override
  public synchronized Optional<IncomingCall> find(String callId) {
    Instant cutoff = cutoff();
    return calls.stream()
        .filter(announced -> announced.at().isAfter(cutoff))
        .map(Announced::call)
        .filter(call -> call.callId().equals(callId))
        .findFirst();
  }

  @Override
  public synchronized int forgetExpired() {
    Instant cutoff = cutoff();
    int forgotten = 0;
    for (Iterator<Announced> oldestFirst = calls.descendingIterator(); oldestFirst.hasNext(); ) {
      if (oldestFirst.next().at().isAfter(cutoff)) {
        break;
      }
      oldestFirst.remove();
      forgotten++;
    }
    return forgotten;
  }

  /**
   * @return how many calls are held, expired ones not yet forgotten included
   */
  public synchronized int size() {
    return calls.size();
  }

  /** A call announced at or before this instant has expired. */
  private Instant cutoff() {
    return clock.instant().minus(retention);
  }
}
