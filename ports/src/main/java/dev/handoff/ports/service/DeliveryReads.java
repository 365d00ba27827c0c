package dev.handoff.ports.service;

import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.OperationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An operation store that reads each operation, and each call's operations, once per delivery.
 *
 * <p>Recording one callback delivery asks the store the same questions several times: the router
 * asks whether the event concerns a warm handoff, the binding check which operation the event would
 * change, and the recorder the same again before it changes it. With a database each question is a
 * statement. {@link #during} marks the recording of one delivery on the current thread; within it,
 * a repeated {@code find}, {@code findByCall} or {@code findByRelatedCall} of the same store is
 * answered from the first answer, and any write (and any failed compare-and-set) forgets every
 * answer kept. Outside it, every call goes to the store.
 *
 * <p>An answer kept is at most as old as the delivery being recorded, and every change is still a
 * compare-and-set on the store: an operation another instance changed meanwhile fails the set,
 * which forgets the answers, and the retry reads afresh. So the results are those of reading every
 * time, with fewer reads.
 */
public final class DeliveryReads implements OperationStore {
  /** The answers kept for the delivery being recorded on this thread, when one is. */
  private static final ThreadLocal<Map<Question, Object>> ANSWERS = new ThreadLocal<>();

  private final OperationStore store;

  private DeliveryReads(OperationStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @param store a store
   * @return the store reading once per delivery; the store itself when it already does
   */
  public static OperationStore of(OperationStore store) {
    return store instanceof DeliveryReads ? store : new DeliveryReads(store);
  }

  /**
   * Records one delivery: repeated reads within it are answered once. Nested calls join the
   * outermost one.
   *
   * @param recording the recording
   * @param <T> what it returns
   * @return what it returned
   */
  public static <T> T during(Supplier<T> recording) {
    if (ANSWERS.get() != null) {
      return recording.get();
    }
    ANSWERS.set(new HashMap<>());
    try {
      return recording.get();
    } finally {
      ANSWERS.remove();
    }
  }

  /** One question to one underlying store: every decorator of that store shares its answers. */
  private record Question(OperationStore store, String kind, Object first, Object second) {}

  @SuppressWarnings("unchecked")
  private <T> T ask(Question question, Supplier<T> read) {
    Map<Question, Object> answers = ANSWERS.get();
    if (answers == null) {
      return read.get();
    }
    Object kept = answers.get(question);
    if (kept != null) {
      return (T) kept;
    }
    T answer = read.get();
    answers.put(question, answer);
    return answer;
  }

  private static void forget() {
    Map<Question, Object> answers = ANSWERS.get();
    if (answers != null) {
      answers.clear();
    }
  }

  @Override
  public Optional<Operation> find(OperationId id) {
    return ask(new Question(store, "find", id, null), () -> store.find(id));
  }

  @Override
  public List<Operation> findByCall(ProviderId provider, String callId) {
    return ask(
        new Question(store, "findByCall", provider, callId),
        () -> List.copyOf(store.findByCall(provider, callId)));
  }

  @Override
  public List<Operation> findByRelatedCall(ProviderId provider, String callId) {
    return ask(
        new Question(store, "findByRelatedCall", provider, callId),
        () -> List.copyOf(store.findByRelatedCall(provider, callId)));
  }

  @Override
  public boolean update(Operation next) {
    forget();
    boolean stored = store.update(next);
    forget();
    return stored;
  }

  @Override
  public Admission admit(Operation operation) {
    forget();
    Admission admission = store.admit(operation);
    forget();
    return admission;
  }

  @Override
  public Optional<Operation> findByIdempotencyKey(IdempotencyKey key) {
    return store.findByIdempotencyKey(key);
  }

  @Override
  public OperationPage list(OperationQuery query) {
    return store.list(query);
  }

  @Override
  public List<Operation> findOverdue(Instant now, int limit) {
    return store.findOverdue(now, limit);
  }

  @Override
  public List<Operation> findAwaitingReconciliation(Instant now, int limit) {
    return store.findAwaitingReconciliation(now, limit);
  }

  @Override
  public List<Operation> findRequestedBefore(Instant cutoff, int limit) {
    return store.findRequestedBefore(cutoff, limit);
  }

  @Override
  public String toString() {
    return "DeliveryReads[" + store + "]";
  }
}
