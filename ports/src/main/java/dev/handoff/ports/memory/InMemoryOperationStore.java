package dev.handoff.ports.memory;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.InvalidCursorException;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.StoreFullException;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.out.RelatedCalls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An {@link OperationStore} in memory: thread-safe and bounded. Operations that finished (final or
 * UNKNOWN) are evicted once older than the retention, and the oldest finished ones first when the
 * store is full; unfinished operations are never evicted, so a store full of them refuses new ones.
 */
public final class InMemoryOperationStore implements OperationStore {
  /** Default capacity. */
  public static final int DEFAULT_CAPACITY = 100_000;

  /** Default retention of finished operations. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** Where an operation stands in the newest-first order: creation time, then id. */
  private record Position(Instant createdAt, String id) {
    static final Comparator<Position> NEWEST_FIRST =
        Comparator.comparing(Position::createdAt).thenComparing(Position::id).reversed();

    static Position of(Operation operation) {
      return new Position(operation.createdAt(), operation.id().value());
    }
  }

  private static final Comparator<Operation> NEWEST_FIRST =
      Comparator.comparing(Position::of, Position.NEWEST_FIRST);

  private record CallKey(ProviderId provider, String callId) {}

  private final int capacity;
  private final Duration retention;
  private final Clock clock;
  private final ConcurrentHashMap<OperationId, Operation> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<IdempotencyKey, OperationId> byKey = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CallKey, Set<OperationId>> byCall = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CallKey, Set<OperationId>> byRelatedCall =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OperationKind, Set<OperationId>> byKind =
      new ConcurrentHashMap<>();
  private final Set<OperationId> active = ConcurrentHashMap.newKeySet();
  private final Set<OperationId> awaitingReconciliation = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<OperationId> finished = new ConcurrentLinkedQueue<>();
  private final Object admission = new Object();

  /** A store with the default capacity and retention on the system clock. */
  public InMemoryOperationStore() {
    this(DEFAULT_CAPACITY, DEFAULT_RETENTION, Clock.systemUTC());
  }

  /**
   * @param capacity the most operations held at once
   * @param retention how long finished operations are kept
   * @param clock the clock
   */
  public InMemoryOperationStore(int capacity, Duration retention, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @return how many operations are held
   */
  public int size() {
    return byId.size();
  }

  /**
   * Admits under one lock, the same lock every change of an operation's activity is tracked under,
   * so that the admission rules hold however many threads submit at once.
   */
  @Override
  public Admission admit(Operation operation) {
    synchronized (admission) {
      Optional<Operation> holder = operation.idempotencyKey().flatMap(this::findByIdempotencyKey);
      if (holder.isPresent()) {
        return new Admission.KeyHeld(holder.get());
      }
      if (byId.containsKey(operation.id())) {
        throw new IllegalStateException("operation " + operation.id() + " already exists");
      }
      for (OperationId id : byCall.getOrDefault(callKey(operation), Set.of())) {
        Operation other = byId.get(id);
        Admission.Rule rule = other == null ? null : Admission.conflictBetween(operation, other);
        if (rule != null) {
          return new Admission.Conflict(other, rule);
        }
      }
      makeRoom();
      byId.put(operation.id(), operation);
      operation.idempotencyKey().ifPresent(key -> byKey.put(key, operation.id()));
      byCall
          .computeIfAbsent(callKey(operation), key -> ConcurrentHashMap.newKeySet())
          .add(operation.id());
      byKind
          .computeIfAbsent(operation.kind(), kind -> ConcurrentHashMap.newKeySet())
          .add(operation.id());
      relate(operation, RelatedCalls.of(operation));
      track(operation);
      return new Admission.Admitted(operation);
    }
  }

  private void makeRoom() {
    Instant expiry = clock.instant().minus(retention);
    while (true) {
      OperationId oldest = finished.peek();
      if (oldest == null) {
        break;
      }
      Operation operation = byId.get(oldest);
      if (operation != null && operation.updatedAt().isAfter(expiry) && byId.size() < capacity) {
        break;
      }
      finished.poll();
      if (operation != null && !operation.state().isActive()) {
        evict(operation);
      }
    }
    if (byId.size() >= capacity) {
      throw new StoreFullException("in-memory operation", capacity);
    }
  }

  private void evict(Operation operation) {
    byId.remove(operation.id());
    active.remove(operation.id());
    awaitingReconciliation.remove(operation.id());
    Set<OperationId> ofKind = byKind.get(operation.kind());
    if (ofKind != null) {
      ofKind.remove(operation.id());
    }
    operation.idempotencyKey().ifPresent(key -> byKey.remove(key, operation.id()));
    unindex(byCall, callKey(operation), operation.id());
    for (String call : RelatedCalls.of(operation)) {
      unindex(byRelatedCall, new CallKey(operation.provider(), call), operation.id());
    }
  }

  private static void unindex(
      ConcurrentHashMap<CallKey, Set<OperationId>> index, CallKey key, OperationId id) {
    index.computeIfPresent(
        key,
        (k, ids) -> {
          ids.remove(id);
          return ids.isEmpty() ? null : ids;
        });
  }

  private void relate(Operation operation, Set<String> calls) {
    for (String call : calls) {
      byRelatedCall
          .computeIfAbsent(
              new CallKey(operation.provider(), call), key -> ConcurrentHashMap.newKeySet())
          .add(operation.id());
    }
  }

  private void track(Operation operation) {
    if (operation.awaitsReconciliation()) {
      awaitingReconciliation.add(operation.id());
    } else {
      awaitingReconciliation.remove(operation.id());
    }
    if (operation.state().isActive()) {
      active.add(operation.id());
    } else if (active.remove(operation.id()) || operation.version() == 1) {
      finished.add(operation.id());
    }
  }

  private static CallKey callKey(Operation operation) {
    return new CallKey(operation.provider(), operation.callId());
  }

  @Override
  public Optional<Operation> find(OperationId id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
    return Optional.ofNullable(byKey.get(key)).map(byId::get);
  }

  @Override
  public boolean update(Operation next) {
    boolean[] swapped = new boolean[1];
    int[] stored = new int[1];
    byId.computeIfPresent(
        next.id(),
        (id, current) -> {
          swapped[0] = current.version() == next.version() - 1;
          stored[0] = current.timeline().size();
          return swapped[0] ? next : current;
        });
    if (!swapped[0]) {
      return false;
    }
    // The timeline only grows: only the appended entries can name a call not indexed yet.
    Set<String> placed =
        stored[0] < next.timeline().size()
            ? RelatedCalls.in(next.timeline().subList(stored[0], next.timeline().size()))
            : Set.of();
    synchronized (admission) {
      // Tracks what is stored now, which a later change may already have replaced: tracking the
      // older value last would leave it in the wrong index.
      Operation latest = byId.get(next.id());
      if (latest != null) {
        relate(latest, placed);
        track(latest);
      }
    }
    return true;
  }

  @Override
  public List<Operation> findByCall(ProviderId provider, String callId) {
    Set<OperationId> ids = byCall.getOrDefault(new CallKey(provider, callId), Set.of());
    return resolve(ids.stream()).sorted(NEWEST_FIRST).collect(Collectors.toList());
  }

  @Override
  public List<Operation> findByRelatedCall(ProviderId provider, String callId) {
    Set<OperationId> ids = byRelatedCall.getOrDefault(new CallKey(provider, callId), Set.of());
    return resolve(ids.stream()).sorted(NEWEST_FIRST).collect(Collectors.toList());
  }

  @Override
  public OperationPage list(OperationQuery query) {
    Optional<Position> after = query.cursor().map(Cursor::decode);
    List<Operation> page =
        candidates(query)
            .filter(o -> query.callId().map(o.callId()::equals).orElse(true))
            .filter(o -> query.state().map(s -> o.state() == s).orElse(true))
            .filter(o -> query.kind().map(k -> o.kind() == k).orElse(true))
            .filter(o -> query.provider().map(o.provider()::equals).orElse(true))
            .filter(
                o ->
                    after
                        .map(cursor -> Position.NEWEST_FIRST.compare(Position.of(o), cursor) > 0)
                        .orElse(true))
            .sorted(NEWEST_FIRST)
            .limit(query.limit() + 1L)
            .collect(Collectors.toList());
    if (page.size() <= query.limit()) {
      return new OperationPage(page, Optional.empty());
    }
    List<Operation> shown = page.subList(0, query.limit());
    return new OperationPage(shown, Optional.of(Cursor.encode(shown.get(shown.size() - 1))));
  }

  /**
   * The narrowest index that holds every operation the query can match, so that a query for a rare
   * kind (listing the warm handoffs) does not scan every operation held. The filters still decide.
   */
  private Stream<Operation> candidates(OperationQuery query) {
    if (query.callId().isPresent() && query.provider().isPresent()) {
      return resolve(
          byCall
              .getOrDefault(new CallKey(query.provider().get(), query.callId().get()), Set.of())
              .stream());
    }
    if (query.kind().isPresent()) {
      return resolve(byKind.getOrDefault(query.kind().get(), Set.of()).stream());
    }
    return byId.values().stream();
  }

  @Override
  public List<Operation> findOverdue(Instant now, int limit) {
    return resolve(active.stream())
        .filter(o -> o.state().isActive() && !o.deadline().isAfter(now))
        .limit(limit)
        .collect(Collectors.toList());
  }

  @Override
  public List<Operation> findAwaitingReconciliation(Instant now, int limit) {
    return resolve(awaitingReconciliation.stream())
        .filter(o -> o.awaitsReconciliation() && !o.deadline().isAfter(now))
        .limit(limit)
        .collect(Collectors.toList());
  }

  @Override
  public List<Operation> findRequestedBefore(Instant cutoff, int limit) {
    return resolve(active.stream())
        .filter(o -> o.state() == OperationState.REQUESTED && o.updatedAt().isBefore(cutoff))
        .limit(limit)
        .collect(Collectors.toList());
  }

  private Stream<Operation> resolve(Stream<OperationId> ids) {
    return ids.map(byId::get).filter(Objects::nonNull);
  }

  /**
   * A page cursor: the position of the last operation shown, so that paging is stable while
   * operations are added. Encoded base64url.
   */
  private static final class Cursor {
    private Cursor() {}

    static String encode(Operation last) {
      String position =
          last.createdAt().getEpochSecond()
              + ":"
              + last.createdAt().getNano()
              + ":"
              + last.id().value();
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
        Instant createdAt =
            Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        return new Position(createdAt, OperationId.of(parts[2]).value());
      } catch (RuntimeException malformed) {
        throw new InvalidCursorException(malformed.getMessage(), malformed);
      }
    }
  }
}
