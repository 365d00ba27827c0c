package dev.handoff.ports.out;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.Reconciliation;

/**
 * Asks a provider how an operation ended when its final word did not come: an outbound port an
 * adapter offers when its provider can answer ({@link CallControl#stateQuery()} declares it).
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>Use what is known first: the call's events already on the operation's timeline (a call that
 *       ended because it was transferred, say) and the command itself; then ask the provider (the
 *       call, its participants, the provider's operation resource) where that decides.
 *   <li>Return {@link Reconciliation.Undetermined} rather than guess: a verdict that settles the
 *       operation must follow from what the provider said. Provider failures are returned ({@code
 *       askAgain} when a later attempt may succeed), never thrown.
 *   <li>Every verdict names what it rests on ({@link Reconciliation#basis()}); it is recorded on
 *       the operation's timeline.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface ProviderStateQuery {
  /**
   * @param operation an operation whose final word did not come by its deadline (active or
   *     UNKNOWN), with its timeline
   * @return the verdict
   */
  Reconciliation reconcile(Operation operation);
}
