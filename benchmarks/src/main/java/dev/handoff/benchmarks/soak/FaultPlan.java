package dev.handoff.benchmarks.soak;

import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Decides, from one seeded random stream, which of a call's provider requests and callbacks are
 * faulted, and arms those faults in the emulator.
 *
 * <p>Each attempt of a call's transfer request (and of the reads reconciliation may make) is
 * faulted independently with the provider share: a request is faulted once with that chance, twice
 * with its square, and so on, as independent faults on a busy service would hit successive retries.
 * Each fault is one of nine, equally likely: 500, 503, 429 with {@code Retry-After}, a short or a
 * long latency (longer than one attempt), the connection dropped or left unanswered, before or
 * after the request executed. Each callback the call's flow produces is lost, duplicated or
 * reordered with the callback share, the three equally likely.
 */
final class FaultPlan {
  private static final CallbackFault.Kind[] CALLBACK_KINDS = {
    CallbackFault.Kind.LOST, CallbackFault.Kind.DUPLICATED, CallbackFault.Kind.REORDERED
  };

  private final SoakSettings settings;
  private final Random random;
  private final Map<String, Integer> armed = new TreeMap<>();

  FaultPlan(SoakSettings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
  }

  /**
   * Arms the faults of one call's transfer.
   *
   * @param control the emulator
   * @param callId the call
   * @param events the callbacks the call's flow will produce (emulator event names)
   */
  synchronized void arm(EmulatorControl control, String callId, List<String> events) {
    String call = Pattern.quote(callId);
    boolean acs = settings.provider().equals("acs");
    String submit =
        acs
            ? "/callConnections/" + call + ":transferToParticipant$"
            : "/calls/" + call + "/transfer$";
    String read =
        acs
            ? "/callConnections/" + call + "(/participants)?$"
            : "/calls/" + call + "(/participants)?$";
    while (random.nextDouble() < settings.providerFaults()) {
      control.injectFault(new FaultRule(null, "POST", submit, action(), 1));
    }
    while (random.nextDouble() < settings.providerFaults()) {
      control.injectFault(new FaultRule(null, "GET", read, readAction(), 1));
    }
    for (String event : events) {
      if (random.nextDouble() < settings.callbackFaults()) {
        CallbackFault.Kind kind = CALLBACK_KINDS[random.nextInt(CALLBACK_KINDS.length)];
        control.injectCallbackFault(new CallbackFault(event, callId, kind, 1));
        count("callback " + kind.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  /**
   * @param options how many targets there are
   * @return which of them, uniformly
   */
  synchronized int pick(int options) {
    return random.nextInt(options);
  }

  /**
   * @return a share drawn uniformly from [0, 1)
   */
  synchronized double draw() {
    return random.nextDouble();
  }

  /**
   * @return how many faults of each kind were armed
   */
  synchronized Map<String, Integer> armed() {
    return Map.copyOf(armed);
  }

  private FaultAction action() {
    switch (random.nextInt(9)) {
      case 0:
        return counted("500", new FaultAction.Error(500, null));
      case 1:
        return counted("503", new FaultAction.Error(503, null));
      case 2:
        return counted("429 + Retry-After", new FaultAction.Error(429, 1));
      case 3:
        return counted(
            "short latency", new FaultAction.Latency(settings.shortLatency().toMillis()));
      case 4:
        return counted("long latency", new FaultAction.Latency(settings.longLatency().toMillis()));
      case 5:
        return counted("dropped before execution", new FaultAction.Drop(false));
      case 6:
        return counted("dropped after execution", new FaultAction.Drop(true));
      case 7:
        return counted("unanswered before execution", new FaultAction.NoResponse(false));
      default:
        return counted("unanswered after execution", new FaultAction.NoResponse(true));
    }
  }

  /** A read changes nothing, so before or after execution are the same: five kinds. */
  private FaultAction readAction() {
    switch (random.nextInt(5)) {
      case 0:
        return counted("read 500", new FaultAction.Error(500, null));
      case 1:
        return counted("read 503", new FaultAction.Error(503, null));
      case 2:
        return counted("read 429 + Retry-After", new FaultAction.Error(429, 1));
      case 3:
        return counted(
            "read long latency", new FaultAction.Latency(settings.longLatency().toMillis()));
      default:
        return counted("read dropped", new FaultAction.Drop(false));
    }
  }

  private FaultAction counted(String kind, FaultAction action) {
    count(kind);
    return action;
  }

  private void count(String kind) {
    armed.merge(kind, 1, Integer::sum);
  }
}
