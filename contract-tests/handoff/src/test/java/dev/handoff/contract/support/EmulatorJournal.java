package dev.handoff.contract.support;

import dev.handoff.contract.port.Delivery;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import java.util.List;
import java.util.stream.Collectors;

/** Reads what the emulator delivered and executed, for the port suite's platforms. */
public final class EmulatorJournal {
  private EmulatorJournal() {}

  /**
   * @param emulator the emulator
   * @param callId a call id as the emulator journals it
   * @return the callbacks delivered about that call, in order
   */
  public static List<Delivery> deliveries(HandoffEmulator emulator, String callId) {
    return emulator.journal().callbacks().stream()
        .filter(callback -> callId.equals(callback.callId()))
        .filter(callback -> callback.status() == SentCallback.Status.DELIVERED)
        .map(callback -> new Delivery(callback.headers(), callback.body()))
        .collect(Collectors.toList());
  }

  /**
   * How often the emulator carried out an operation on a call: requests of that operation whose
   * path names the call and that executed with a 2xx, answered or not, replays of a stored
   * repeatable response excluded.
   *
   * @param emulator the emulator
   * @param operation the emulator's operation name, e.g. {@code acs.transfer}
   * @param callId the call id as it appears in the path
   * @return the count
   */
  public static int executions(HandoffEmulator emulator, String operation, String callId) {
    return (int)
        emulator.journal().requests().stream()
            .filter(request -> operation.equals(request.operation()))
            .filter(request -> request.path().contains(callId))
            .filter(EmulatorJournal::executed)
            .count();
  }

  private static boolean executed(ReceivedRequest request) {
    String note = request.note() == null ? "" : request.note();
    if (note.contains("replayed")) {
      return false;
    }
    boolean answered2xx = request.status() != null && request.status() / 100 == 2;
    return answered2xx || note.contains("executed, response not sent: 2");
  }
}
