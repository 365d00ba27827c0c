package dev.handoff.ports.in;

import dev.handoff.domain.event.IncomingCall;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What recording a batch of provider events did, one outcome per event, in order.
 *
 * @param outcomes the outcomes
 */
public record EventReport(List<EventOutcome> outcomes) {
  /** Copies the list. */
  public EventReport {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * @return the incoming calls in the batch, for the application to answer, reject or redirect
   */
  public List<IncomingCall> incomingCalls() {
    return outcomes.stream()
        .filter(outcome -> outcome.result() == EventOutcome.Result.INCOMING_CALL)
        .map(outcome -> (IncomingCall) outcome.event())
        .collect(Collectors.toList());
  }
}
