package dev.handoff.ports.out;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.TimelineEntry;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The calls an operation placed itself, besides the call it is about: every call id a step on its
 * timeline learned ({@link StepEntry#CALL_FACT}), such as the consultation calls of a warm handoff.
 * A store indexes them so that {@link OperationStore#findByRelatedCall} finds the operation from an
 * event about such a call with one look-up.
 *
 * <p>The timeline only grows, so an operation's related calls only grow too: a store may index the
 * calls of the entries it appends ({@link #in(List)}) and never needs to remove one while it keeps
 * the operation.
 */
public final class RelatedCalls {
  private RelatedCalls() {}

  /**
   * @param operation an operation
   * @return the calls it placed, in the order its timeline learned them
   */
  public static Set<String> of(Operation operation) {
    return in(operation.timeline());
  }

  /**
   * @param entries timeline entries, e.g. those an update appends
   * @return the calls they say a step placed, in their order
   */
  public static Set<String> in(List<TimelineEntry> entries) {
    Set<String> calls = null;
    for (TimelineEntry entry : entries) {
      if (entry.step().isEmpty()) {
        continue;
      }
      String call = entry.step().get().facts().get(StepEntry.CALL_FACT);
      if (call != null) {
        if (calls == null) {
          calls = new LinkedHashSet<>();
        }
        calls.add(call);
      }
    }
    return calls == null ? Set.of() : Collections.unmodifiableSet(calls);
  }
}
