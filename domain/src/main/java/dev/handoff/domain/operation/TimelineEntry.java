package dev.handoff.domain.operation;

import dev.handoff.domain.Violations;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import java.time.Instant;
import java.util.Optional;

/**
 * One dated thing that happened to an operation.
 *
 * @param at when Handoff recorded it
 * @param source who said it
 * @param what what happened, e.g. {@code requested} or a provider event type
 * @param state the operation's state after it
 * @param disposition what it did to the operation
 * @param eventId the provider event's id, for events
 * @param providerTime when the provider says it happened, for events
 * @param failure the failure it reported, if any
 * @param evidence what the provider said
 * @param step the warm-handoff step the entry concerns, for a handoff's steps
 */
public record TimelineEntry(
    Instant at,
    Source source,
    String what,
    OperationState state,
    Disposition disposition,
    Optional<String> eventId,
    Optional<Instant> providerTime,
    Optional<Failure> failure,
    ProviderEvidence evidence,
    Optional<StepEntry> step) {

  /** Who said it. */
  public enum Source {
    /** Handoff itself: the request, a deadline, a cancellation. */
    HANDOFF,
    /** The provider's synchronous answer to the request. */
    PROVIDER_RESPONSE,
    /** A provider event (callback). */
    PROVIDER_EVENT,
    /**
     * Reconciliation: what Handoff made of the provider's own state (and the call's events already
     * recorded) when the operation's final word did not come; the entry says how it decided.
     */
    RECONCILIATION
  }

  /** Validates the parts. */
  public TimelineEntry {
    Violations v = Violations.of("TimelineEntry");
    v.required("at", at);
    v.required("source", source);
    v.required("what", what);
    v.required("state", state);
    v.required("disposition", disposition);
    v.throwIfAny();
    eventId = eventId == null ? Optional.empty() : eventId;
    providerTime = providerTime == null ? Optional.empty() : providerTime;
    failure = failure == null ? Optional.empty() : failure;
    evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    step = step == null ? Optional.empty() : step;
  }

  /**
   * An entry that concerns no handoff step.
   *
   * @param at when Handoff recorded it
   * @param source who said it
   * @param what what happened
   * @param state the operation's state after it
   * @param disposition what it did to the operation
   * @param eventId the provider event's id, for events
   * @param providerTime when the provider says it happened, for events
   * @param failure the failure it reported, if any
   * @param evidence what the provider said
   */
  public TimelineEntry(
      Instant at,
      Source source,
      String what,
      OperationState state,
      Disposition disposition,
      Optional<String> eventId,
      Optional<Instant> providerTime,
      Optional<Failure> failure,
      ProviderEvidence evidence) {
    this(
        at,
        source,
        what,
        state,
        disposition,
        eventId,
        providerTime,
        failure,
        evidence,
        Optional.empty());
  }
}
