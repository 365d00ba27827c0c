package dev.handoff.ports.out;

import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.InvalidCursorException;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.StoreFullException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where operations are kept. Updates compare-and-set on the version so that several service
 * instances can share one store. Implementations are thread-safe.
 */
public interface OperationStore {

  /**
   * Stores a new operation unless an admission rule refuses it, deciding atomically — also against
   * other instances sharing the store — so that of two simultaneous requests only one is admitted.
   * The rules, in order: the idempotency key ({@link Admission.KeyHeld}), then one active transfer
   * and one active redirect per call, then an operation context in use on the call ({@link
   * Admission.Conflict}); see {@link Admission}.
   *
   * @param operation a new operation, version 1
   * @return what was done
   * @throws StoreFullException when the store is at its capacity with nothing it may evict
   * @throws ConcurrentUpdateException when the admission kept racing other changes and gave up
   * @throws IllegalStateException when an operation with the same id exists (ids are unique, so
   *     this is a bug)
   */
  Admission admit(Operation operation);

  /**
   * Stores a new operation unless its idempotency key already names one, as {@link
   * #admit(Operation)} does.
   *
   * @param operation a new operation, version 1
   * @return the stored operation: {@code operation} itself when it was stored, or the operation
   *     that already holds its idempotency key
   * @throws StoreFullException when the store is at its capacity with nothing it may evict
   * @throws IllegalStateException when an operation with the same id exists, or an active operation
   *     on the call refuses it (see {@link Admission.Conflict})
   */
  default Operation insertIfAbsent(Operation operation) {
    Admission admission = admit(operation);
    if (admission instanceof Admission.Admitted) {
      return ((Admission.Admitted) admission).operation();
    }
    if (admission instanceof Admission.KeyHeld) {
      return ((Admission.KeyHeld) admission).holder();
    }
    Admission.Conflict conflict = (Admission.Conflict) admission;
    throw new IllegalStateException(
        "operation "
            + operation.id()
            + " is refused: "
            + conflict.rule()
            + " with active operation "
            + conflict.active().id()
            + " on call "
            + operation.callId());
  }

  /**
   * @param id an operation id
   * @return the operation, if stored
   */
  Optional<Operation> find(OperationId id);

  /**
   * @param key an idempotency key
   * @return the operation that holds it, if any
   */
  Optional<Operation> findByIdempotencyKey(IdempotencyKey key);

  /**
   * Replaces the stored operation by {@code next} if the stored one's version is {@code
   * next.version() - 1}.
   *
   * @param next the changed operation
   * @return whether it was stored; false when another change came first (re-read and retry)
   */
  boolean update(Operation next);

  /**
   * @param provider the provider
   * @param callId the call
   * @return the stored operations on that call, newest first
   */
  List<Operation> findByCall(ProviderId provider, String callId);

  /**
   * The operations that placed a call themselves, such as the warm handoff whose step placed a
   * consultation call: one indexed look-up on every callback, however many operations are stored.
   * Found by the calls in {@link RelatedCalls#of(Operation)}, from the moment the change that
   * recorded the call is stored, finished or not, until the operation is evicted or purged.
   *
   * @param provider the provider
   * @param callId the call
   * @return the stored operations of that provider that placed that call, newest first; empty for a
   *     call no stored operation placed
   */
  List<Operation> findByRelatedCall(ProviderId provider, String callId);

  /**
   * @param query which operations
   * @return one page, newest first
   * @throws InvalidCursorException when the cursor is not one this store issued
   */
  OperationPage list(OperationQuery query);

  /**
   * @param now the time now
   * @param limit the most to return
   * @return active operations whose deadline is not after {@code now}
   */
  List<Operation> findOverdue(Instant now, int limit);

  /**
   * @param now the time now
   * @param limit the most to return
   * @return UNKNOWN operations whose deadline is not after {@code now} and that {@linkplain
   *     Operation#awaitsReconciliation() await reconciliation}: they became UNKNOWN before their
   *     deadline (an ambiguous answer), or their deadline was moved to consult the provider again
   */
  List<Operation> findAwaitingReconciliation(Instant now, int limit);

  /**
   * @param cutoff the time before which they were last changed
   * @param limit the most to return
   * @return operations still REQUESTED that were last changed before {@code cutoff}
   */
  List<Operation> findRequestedBefore(Instant cutoff, int limit);
}
