package dev.handoff.benchmarks.soak;

import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.journal.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the provider (the emulator) did with one call's transfer, from its journal and its call
 * state: how often the transfer request reached it, how often it executed (a repeat of a repeatable
 * request answered from the stored response does not execute), and how the call ended.
 *
 * @param callId the call
 * @param requests how many transfer requests reached the provider
 * @param executions how many of them executed
 * @param repeatabilityIds how many distinct repeatability ids they carried
 * @param outcome how the provider's transfer ended
 */
record ProviderTruth(
    String callId, int requests, int executions, int repeatabilityIds, Outcome outcome) {

  /** How the provider's transfer ended. */
  enum Outcome {
    /** No transfer request executed. */
    NOT_EXECUTED,
    /** The call was transferred away (the application's leg ended). */
    TRANSFERRED,
    /** The transfer executed and failed: the call is still the application's. */
    FAILED,
    /** The target is still ringing. */
    IN_PROGRESS
  }

  /**
   * @param emulator the emulator
   * @param provider {@code acs} or {@code graph}
   * @return the truth of every call that got a transfer request, by call id
   */
  static Map<String, ProviderTruth> of(HandoffEmulator emulator, String provider) {
    String operation = provider + ".transfer";
    Map<String, List<ReceivedRequest>> byCall =
        emulator.journal().requests().stream()
            .filter(r -> operation.equals(r.operation()))
            .collect(Collectors.groupingBy(r -> callOf(r.path(), provider)));
    return byCall.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, e -> truth(emulator, provider, e.getKey(), e.getValue())));
  }

  private static String callOf(String path, String provider) {
    if (provider.equals("acs")) {
      String tail =
          path.substring(path.indexOf("/callConnections/") + "/callConnections/".length());
      return tail.substring(0, tail.indexOf(':'));
    }
    String tail = path.substring(path.indexOf("/calls/") + "/calls/".length());
    return tail.substring(0, tail.indexOf('/'));
  }

  private static ProviderTruth truth(
      HandoffEmulator emulator, String provider, String callId, List<ReceivedRequest> requests) {
    int executions = (int) requests.stream().filter(ProviderTruth::executed).count();
    int ids =
        (int)
            requests.stream()
                .map(r -> String.valueOf(r.header("Repeatability-Request-ID")))
                .distinct()
                .count();
    String state =
        (provider.equals("acs")
                ? emulator.control().acsCallState(callId)
                : emulator.control().graphCallState(callId))
            .orElse("gone");
    Outcome outcome;
    if (executions == 0) {
      outcome = Outcome.NOT_EXECUTED;
    } else if (state.equals("disconnected") || state.equals("terminated") || state.equals("gone")) {
      outcome = Outcome.TRANSFERRED;
    } else if (state.equals("connected") || state.equals("established")) {
      outcome = Outcome.FAILED;
    } else {
      outcome = Outcome.IN_PROGRESS;
    }
    return new ProviderTruth(callId, requests.size(), executions, ids, outcome);
  }

  /** Executed: answered 2xx (or executed with the answer withheld), and not a stored replay. */
  static boolean executed(ReceivedRequest request) {
    String note = request.note() == null ? "" : request.note();
    if (note.contains("replayed")) {
      return false;
    }
    boolean answered = request.status() != null && request.status() / 100 == 2;
    return answered || note.contains("executed, response not sent: 2");
  }
}
