package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.emulator.control.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two simultaneous transfers of one call: exactly one is accepted, the other is answered 409
 * operation-conflict naming it, and the provider is asked once.
 */
@QuarkusTest
class ConcurrentTransfersTest {
  private static final String RINGING = "+14255550166";

  @Inject EmbeddedEmulator embedded;

  @Test
  void ofTwoSimultaneousTransfersOfOneCallOneIsAcceptedAndOneConflicts() throws Exception {
    // The target does not answer: the first transfer stays under way (it rings until the
    // invitation times out), however late the second request is handled.
    embedded.running().control().script(RINGING, Outcome.noAnswer());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int pair = 0; pair < 10; pair++) {
        String call =
            client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Response>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          both.add(
              () -> {
                start.await();
                return client()
                    .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + RINGING + "\"}}")
                    .post("/v1/calls/{call}/transfers", call);
              });
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : pool.invokeAll(both)) {
          answers.add(answer.get());
        }
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
        Response accepted = answers.stream().filter(r -> r.statusCode() == 202).findFirst().get();
        Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().get();
        assertThat(refused.jsonPath().getString("type"))
            .isEqualTo("urn:handoff:problem:operation-conflict");
        assertThat(refused.jsonPath().getString("detail"))
            .contains(accepted.jsonPath().getString("id"));
        assertThat(
                embedded.running().journal().requests().stream()
                    .filter(
                        r ->
                            r.path()
                                .endsWith("/callConnections/" + call + ":transferToParticipant")))
            .as("provider requests for " + call)
            .hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
