package dev.handoff.ports;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.provider.ProviderId;
import java.util.Optional;

/**
 * Which operations to list, newest first, one page at a time.
 *
 * @param callId only operations on this call
 * @param state only operations in this state
 * @param kind only operations of this kind
 * @param provider only operations carried by this provider
 * @param limit the most operations on one page, 1 to {@value #MAX_LIMIT}
 * @param cursor where the previous page ended, as it returned it
 */
public record OperationQuery(
    Optional<String> callId,
    Optional<OperationState> state,
    Optional<OperationKind> kind,
    Optional<ProviderId> provider,
    int limit,
    Optional<String> cursor) {

  /** Most operations on one page. */
  public static final int MAX_LIMIT = 500;

  /** Default page size. */
  public static final int DEFAULT_LIMIT = 50;

  /** Validates the query. */
  public OperationQuery {
    callId = callId == null ? Optional.empty() : callId;
    state = state == null ? Optional.empty() : state;
    kind = kind == null ? Optional.empty() : kind;
    provider = provider == null ? Optional.empty() : provider;
    cursor = cursor == null ? Optional.empty() : cursor;
    Violations v = Violations.of("OperationQuery");
    v.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT, limit);
    callId.ifPresent(id -> v.identifier("callId", id));
    cursor.ifPresent(c -> v.identifier("cursor", c));
    v.throwIfAny();
  }

  /**
   * A query on any provider's operations.
   *
   * @param callId only operations on this call
   * @param state only operations in this state
   * @param kind only operations of this kind
   * @param limit the most operations on one page
   * @param cursor where the previous page ended
   */
  public OperationQuery(
      Optional<String> callId,
      Optional<OperationState> state,
      Optional<OperationKind> kind,
      int limit,
      Optional<String> cursor) {
    this(callId, state, kind, Optional.empty(), limit, cursor);
  }

  /**
   * @return every operation, first page of the default size
   */
  public static OperationQuery all() {
    return new OperationQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_LIMIT,
        Optional.empty());
  }

  /**
   * @param id the call
   * @return this query restricted to the call
   */
  public OperationQuery onCall(String id) {
    return new OperationQuery(Optional.of(id), state, kind, provider, limit, cursor);
  }

  /**
   * @param value the state
   * @return this query restricted to the state
   */
  public OperationQuery inState(OperationState value) {
    return new OperationQuery(callId, Optional.of(value), kind, provider, limit, cursor);
  }

  /**
   * @param value the kind
   * @return this query restricted to the kind
   */
  public OperationQuery ofKind(OperationKind value) {
    return new OperationQuery(callId, state, Optional.of(value), provider, limit, cursor);
  }

  /**
   * @param value the provider
   * @return this query restricted to the operations that provider carries
   */
  public OperationQuery carriedBy(ProviderId value) {
    return new OperationQuery(callId, state, kind, Optional.of(value), limit, cursor);
  }

  /**
   * @param value the page size
   * @return this query with that page size
   */
  public OperationQuery limit(int value) {
    return new OperationQuery(callId, state, kind, provider, value, cursor);
  }

  /**
   * @param value where the previous page ended
   * @return this query continuing after it
   */
  public OperationQuery after(String value) {
    return new OperationQuery(callId, state, kind, provider, limit, Optional.ofNullable(value));
  }
}
