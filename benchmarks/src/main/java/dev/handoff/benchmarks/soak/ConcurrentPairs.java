package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.ReceivedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Pairs of simultaneous transfers of one call, one to each service instance (two processes on one
 * PostgreSQL, or one process): exactly one of each pair must be accepted and the other answered 409
 * operation-conflict, and the provider must receive one transfer request per call.
 */
final class ConcurrentPairs {
  private static final String RINGING = "+14255550166";

  private final SoakWorld world;
  private final SoakSettings settings;

  ConcurrentPairs(SoakWorld world, SoakSettings settings) {
    this.world = world;
    this.settings = settings;
  }

  ObjectNode run() throws Exception {
    SoakWorld.Instance a = world.instances.get(0);
    SoakWorld.Instance b = world.instances.get(world.instances.size() - 1);
    int exact = 0;
    List<String> wrong = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    // The target does not answer: each accepted transfer stays under way while its pair is
    // handled, however late the second request is.
    world.emulator.control().script(RINGING, Outcome.noAnswer());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int pair = 0; pair < settings.transfers(); pair++) {
        String callId = "pair-" + settings.seed() + "-" + pair;
        calls.add(callId);
        world
            .emulator
            .control()
            .createAcsCall(
                new AcsCallSpec(
                    a.api.callbackUri(callId),
                    List.of("4:+14255550100"),
                    null,
                    null,
                    false,
                    callId));
        String body = "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + RINGING + "\"}}";
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Integer>> both = new ArrayList<>();
        int index = pair;
        for (SoakWorld.Instance instance : List.of(a, b)) {
          both.add(
              () -> {
                start.await();
                return instance
                    .api
                    .transfer(callId, body, "pair-" + index + "-" + instance.name)
                    .status();
              });
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(both)) {
          statuses.add(status.get());
        }
        statuses.sort(Integer::compare);
        if (statuses.equals(List.of(202, 409))) {
          exact++;
        } else {
          wrong.add(callId + ": " + statuses);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> requests =
        world.emulator.journal().requests().stream()
            .filter(r -> "acs.transfer".equals(r.operation()))
            .collect(Collectors.groupingBy(ConcurrentPairs::callOf, Collectors.counting()));
    List<String> twice =
        calls.stream()
            .filter(call -> requests.getOrDefault(call, 0L) != 1)
            .map(call -> call + ": " + requests.getOrDefault(call, 0L) + " provider requests")
            .collect(Collectors.toList());
    ObjectNode report = SoakApi.JSON.createObjectNode();
    report.put("instances", world.instances.size());
    report.put("store", settings.store());
    report.put("pairs", settings.transfers());
    report.put("exactlyOneAcceptedOneConflict", exact);
    report.set("otherAnswers", SoakApi.JSON.valueToTree(wrong));
    report.set("callsWithOtherThanOneProviderRequest", SoakApi.JSON.valueToTree(twice));
    report.put("holds", wrong.isEmpty() && twice.isEmpty());
    return report;
  }

  private static String callOf(ReceivedRequest request) {
    String tail =
        request
            .path()
            .substring(request.path().indexOf("/callConnections/") + "/callConnections/".length());
    return tail.substring(0, tail.indexOf(':'));
  }
}
