package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A service process on PostgreSQL killed with SIGKILL while N transfers are in flight (their
 * targets ringing, a third of them with the submission's answer held back after the provider
 * executed it), then started again: nothing may be lost and nothing executed twice.
 */
final class KillRestart {
  private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "UNKNOWN");

  private final SoakWorld world;
  private final SoakSettings settings;

  KillRestart(SoakWorld world, SoakSettings settings) {
    this.world = world;
    this.settings = settings;
  }

  ObjectNode run() throws Exception {
    SoakWorld.Instance service = world.first();
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < settings.transfers(); i++) {
      String callId = "kill-" + settings.seed() + "-" + i;
      calls.add(callId);
      world
          .emulator
          .control()
          .createAcsCall(
              new AcsCallSpec(
                  service.api.callbackUri(callId),
                  List.of("4:+14255550100"),
                  null,
                  null,
                  false,
                  callId));
      if (i % 3 == 0) {
        world
            .emulator
            .control()
            .injectFault(
                new FaultRule(
                    null,
                    "POST",
                    "/callConnections/" + Pattern.quote(callId) + ":transferToParticipant$",
                    new FaultAction.NoResponse(true),
                    1));
      }
    }
    String body = "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}";
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls.size(), 64));
    for (String call : calls) {
      pool.submit(
          () -> {
            try {
              service.api.transfer(call, body, "kill-" + call);
            } catch (Exception cutOffByTheKill) {
              // Expected for the submissions in flight when the process dies.
            }
          });
    }
    Instant giveUp = Instant.now().plusSeconds(60);
    while (reached(calls) < calls.size() && Instant.now().isBefore(giveUp)) {
      Thread.sleep(20);
    }
    int reachedAtKill = reached(calls);
    Instant killedAt = Instant.now();
    service.kill();
    pool.shutdownNow();
    service.start();
    Instant restartedAt = Instant.now();

    Map<String, String> ids = new TreeMap<>();
    int lost = 0;
    for (String call : calls) {
      SoakApi.Answer again = service.api.transfer(call, body, "kill-" + call);
      String id = again.body().get("id").asText();
      ids.put(call, id);
      if (Instant.parse(again.body().get("createdAt").asText()).isAfter(killedAt)) {
        lost++;
      }
    }
    Map<String, String> states = await(service.api, ids);
    Map<String, ProviderTruth> truth = ProviderTruth.of(world.emulator, "acs");
    int doubles = 0;
    int resentSameId = 0;
    for (String call : calls) {
      ProviderTruth one = truth.get(call);
      if (one != null && one.executions() > 1) {
        doubles++;
      }
      if (one != null && one.requests() > 1 && one.repeatabilityIds() == 1) {
        resentSameId++;
      }
    }
    Map<String, Integer> byState = new TreeMap<>();
    states.values().forEach(state -> byState.merge(state, 1, Integer::sum));
    ObjectNode report = SoakApi.JSON.createObjectNode();
    report.put("transfers", calls.size());
    report.put("reachedTheProviderBeforeTheKill", reachedAtKill);
    report.put("executedButUnansweredAtTheKill", (calls.size() + 2) / 3);
    report.put("downtimeSeconds", Duration.between(killedAt, restartedAt).toSeconds());
    report.put("lost", lost);
    report.put("doubleExecutions", doubles);
    report.put("resentWithTheSameRepeatabilityId", resentSameId);
    report.set("finalStates", SoakApi.JSON.valueToTree(byState));
    report.put(
        "holds", lost == 0 && doubles == 0 && byState.getOrDefault("COMPLETED", 0) == calls.size());
    return report;
  }

  private int reached(List<String> calls) {
    Map<String, ProviderTruth> truth = ProviderTruth.of(world.emulator, "acs");
    return (int) calls.stream().filter(truth::containsKey).count();
  }

  private Map<String, String> await(SoakApi api, Map<String, String> ids) throws Exception {
    Instant giveUp =
        Instant.now()
            .plus(settings.transferDeadline())
            .plus(settings.overallTimeout())
            .plus(settings.recheckAfter().multipliedBy(3))
            .plus(settings.ringTime())
            .plusSeconds(60);
    Map<String, String> states = new TreeMap<>();
    while (true) {
      boolean open = false;
      for (Map.Entry<String, String> entry : ids.entrySet()) {
        JsonNode operation = api.operation(entry.getValue());
        String state = operation.get("state").asText();
        states.put(entry.getKey(), state);
        open |=
            !state.equals("COMPLETED") && !FINAL.contains(state)
                || state.equals("UNKNOWN") && Instant.now().isBefore(giveUp.minusSeconds(30));
      }
      if (!open || Instant.now().isAfter(giveUp)) {
        return states;
      }
      Thread.sleep(1_000);
    }
  }
}
