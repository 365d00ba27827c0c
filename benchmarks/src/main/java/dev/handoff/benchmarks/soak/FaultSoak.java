package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N transfers through the packaged service with faults on the provider's requests and callbacks,
 * then an audit of Handoff's final states against what the provider did.
 *
 * <p>Each transfer is of a call of its own, pointed at the callback URI the service binds to it; 80
 * % of targets accept, 10 % are busy, 10 % decline. Every transfer carries an Idempotency-Key, and
 * a submission whose answer is lost on the way back is sent again with it, as a careful client
 * does.
 */
final class FaultSoak {
  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
  private static final String[] OUTCOMES = {"accept", "busy", "decline"};

  private final SoakWorld world;
  private final SoakSettings settings;
  private final FaultPlan plan;

  FaultSoak(SoakWorld world, SoakSettings settings) {
    this.world = world;
    this.settings = settings;
    this.plan = new FaultPlan(settings);
  }

  /** One transfer as submitted. */
  private record Submitted(String callId, String operationId) {}

  SoakReport run() throws Exception {
    Instant started = Instant.now();
    HandoffEmulator emulator = world.emulator;
    script(emulator.control());
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
    List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
    int[] refused = {0};
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < settings.transfers(); i++) {
        int index = i;
        tasks.add(
            pool.submit(
                () -> {
                  Submitted one = submit(index);
                  if (one == null) {
                    synchronized (refused) {
                      refused[0]++;
                    }
                  } else {
                    submitted.add(one);
                  }
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, JsonNode> finals = settle(submitted);
    SoakReport report = new SoakReport(settings, plan.armed());
    report.refusedSubmissions = refused[0];
    Map<String, ProviderTruth> truth = ProviderTruth.of(emulator, settings.provider());
    for (Submitted one : submitted) {
      report.add(finals.get(one.operationId()), truth.get(one.callId()));
    }
    count(report, emulator);
    report.seconds = Duration.between(started, Instant.now()).toSeconds();
    return report;
  }

  private void script(EmulatorControl control) {
    control.script(target("busy"), Outcome.busy());
    control.script(target("decline"), Outcome.decline());
  }

  private String target(String outcome) {
    boolean acs = settings.provider().equals("acs");
    switch (outcome) {
      case "busy":
        return acs ? "+14255550186" : "soak-agent-busy";
      case "decline":
        return acs ? "+14255550187" : "soak-agent-decline";
      default:
        return acs ? "+14255550123" : "soak-agent-accept";
    }
  }

  private String body(String outcome) {
    String target = target(outcome);
    if (settings.provider().equals("acs")) {
      return "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + target + "\"}}";
    }
    return "{\"target\":{\"kind\":\"teamsUser\",\"userId\":\""
        + target
        + "\",\"tenantId\":\""
        + world.emulator.graph().tenantId()
        + "\"}}";
  }

  private List<String> events(String outcome) {
    boolean succeeds = outcome.equals("accept");
    if (settings.provider().equals("acs")) {
      return succeeds
          ? List.of("CallTransferAccepted", "CallDisconnected")
          : List.of("CallTransferFailed");
    }
    return succeeds
        ? List.of("call.transferring", "call.transferAccepted", "call.terminated")
        : List.of("call.transferring", "call.established");
  }

  /** Creates the call, arms its faults, submits the transfer; null when it was refused. */
  private Submitted submit(int index) throws IOException, InterruptedException {
    double draw = plan.draw();
    String outcome = draw < 0.8 ? OUTCOMES[0] : draw < 0.9 ? OUTCOMES[1] : OUTCOMES[2];
    String callId = "soak-" + settings.seed() + "-" + index;
    SoakWorld.Instance instance = world.instances.get(index % world.instances.size());
    String callbackUri = instance.api.callbackUri(callId);
    EmulatorControl control = world.emulator.control();
    if (settings.provider().equals("acs")) {
      control.createAcsCall(
          new AcsCallSpec(callbackUri, List.of("4:+14255550100"), null, null, false, callId));
    } else {
      control.createGraphCall(
          GraphCallSpec.peerToPeer(callbackUri, "phone:+14255550100").withCallId(callId));
    }
    plan.arm(control, callId, events(outcome));
    String key = "soak-" + callId;
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        SoakApi.Answer answer = instance.api.transfer(callId, body(outcome), key);
        if (answer.status() == 202) {
          return new Submitted(callId, answer.body().get("id").asText());
        }
        throw new IOException("transfer of " + callId + " answered " + answer);
      } catch (IOException lost) {
        last = lost;
        Thread.sleep(500);
      }
    }
    throw last;
  }

  /**
   * Waits until every operation is final, or has had every chance reconciliation gives it: its
   * deadline, the checks, and a margin for the sweeps.
   */
  private Map<String, JsonNode> settle(List<Submitted> submitted)
      throws IOException, InterruptedException {
    Instant giveUp =
        Instant.now()
            .plus(settings.transferDeadline())
            .plus(settings.recheckAfter().multipliedBy(3))
            .plus(settings.overallTimeout())
            .plusSeconds(15);
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    SoakApi api = world.first().api;
    while (true) {
      boolean open = false;
      for (Submitted one : submitted) {
        JsonNode known = latest.get(one.operationId());
        if (known != null && FINAL.contains(known.get("state").asText())) {
          continue;
        }
        JsonNode now = api.operation(one.operationId());
        latest.put(one.operationId(), now);
        open |= !FINAL.contains(now.get("state").asText());
      }
      if (!open || Instant.now().isAfter(giveUp)) {
        return latest;
      }
      Thread.sleep(1_000);
    }
  }

  private void count(SoakReport report, HandoffEmulator emulator) {
    String prefix = settings.provider() + ".";
    for (ReceivedRequest request : emulator.journal().requests()) {
      String operation = request.operation();
      if (operation == null
          || !operation.startsWith(prefix)
          || operation.contains("openid")
          || operation.contains("jwks")) {
        continue;
      }
      report.providerRequests++;
      if (request.note() != null && request.note().startsWith("fault:")) {
        report.faultedProviderRequests++;
      }
    }
    for (SentCallback callback : emulator.journal().callbacks()) {
      // A duplicated callback's copy is the fault's effect, not another callback of the flow.
      boolean copy = callback.fault() != null && callback.fault().contains("copy");
      if (!callback.provider().equals(settings.provider()) || copy) {
        continue;
      }
      report.callbacks++;
      if (callback.fault() != null) {
        report.faultedCallbacks++;
      }
    }
  }
}
