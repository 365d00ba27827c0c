package dev.handoff.ports.in;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.provider.ProviderId;
import java.util.Optional;

/**
 * Which operation changes to follow. Every present criterion must match the operation as it stands
 * after the change; an empty filter matches every change.
 *
 * @param callId only operations on this call
 * @param state only changes that leave an operation in this state
 * @param kind only operations of this kind
 * @param provider only operations carried by this provider
 */
public record OperationFilter(
    Optional<String> callId,
    Optional<OperationState> state,
    Optional<OperationKind> kind,
    Optional<ProviderId> provider) {

  /** Validates the filter. */
  public OperationFilter {
    callId = callId == null ? Optional.empty() : callId;
    state = state == null ? Optional.empty() : state;
    kind = kind == null ? Optional.empty() : kind;
    provider = provider == null ? Optional.empty() : provider;
    Violations v = Violations.of("OperationFilter");
    callId.ifPresent(id -> v.identifier("callId", id));
    v.throwIfAny();
  }

  /**
   * @return a filter that matches every change
   */
  public static OperationFilter everything() {
    return new OperationFilter(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * @param id the call
   * @return this filter restricted to the call
   */
  public OperationFilter onCall(String id) {
    return new OperationFilter(Optional.of(id), state, kind, provider);
  }

  /**
   * @param value the state
   * @return this filter restricted to changes that leave an operation in that state
   */
  public OperationFilter inState(OperationState value) {
    return new OperationFilter(callId, Optional.of(value), kind, provider);
  }

  /**
   * @param value the kind
   * @return this filter restricted to the kind
   */
  public OperationFilter ofKind(OperationKind value) {
    return new OperationFilter(callId, state, Optional.of(value), provider);
  }

  /**
   * @param value the provider
   * @return this filter restricted to the operations that provider carries
   */
  public OperationFilter carriedBy(ProviderId value) {
    return new OperationFilter(callId, state, kind, Optional.of(value));
  }

  /**
   * @param operation an operation after a change
   * @return whether the change passes this filter
   */
  public boolean matches(Operation operation) {
    return callId.map(operation.callId()::equals).orElse(true)
        && state.map(s -> operation.state() == s).orElse(true)
        && kind.map(k -> operation.kind() == k).orElse(true)
        && provider.map(operation.provider()::equals).orElse(true);
  }
}
