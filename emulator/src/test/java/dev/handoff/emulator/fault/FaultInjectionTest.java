package dev.handoff.emulator.fault;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.AcsSigner;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).maxHold(Duration.ofSeconds(2)));

  static final String BODY =
      "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+14255550123\"}}}";
  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static String transfer(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/faults"), "4:+14255550100"));
    return "/calling/callConnections/"
        + call.callConnectionId()
        + ":transferToParticipant?api-version=2026-03-12";
  }

  private static ReceivedRequest last(HandoffEmulator emulator) {
    var requests = emulator.journal().requests();
    return requests.get(requests.size() - 1);
  }

  @Test
  void injectsA5xxInTheProvidersErrorShapeWithoutExecuting(HandoffEmulator emulator) {
    String path = transfer(emulator);
    emulator
        .control()
        .injectFault(FaultRule.once("acs.transfer", new FaultAction.Error(503, null)));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> failed = http.acsPost(path, BODY);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(json(failed).get("error").get("code").asText()).isEqualTo("503");
    assertThat(failed.headers().firstValue("retry-after")).contains("0");
    assertThat(last(emulator).note()).isEqualTo("fault: error 503");
    assertThat(emulator.journal().callbacks()).isEmpty();
    assertThat(http.acsPost(path, BODY).statusCode()).isEqualTo(202);
    assertThat(emulator.control().faults()).isEmpty();
  }

  @Test
  void injects429WithRetryAfterForACountedNumberOfRequests(HandoffEmulator emulator) {
    GraphCall call =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(receiver.url("/g"), "user:x"));
    emulator
        .control()
        .injectFault(FaultRule.times("graph.transfer", new FaultAction.Error(429, 1), 2));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    String path = "/v1.0/communications/calls/" + call.callId() + "/transfer";
    String body = "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"t\"}}}}";
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> throttled = http.graphPost(path, body, token);
      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.headers().firstValue("retry-after")).contains("1");
      assertThat(json(throttled).get("error").get("code").asText()).isEqualTo("TooManyRequests");
    }
    assertThat(http.graphPost(path, body, token).statusCode()).isEqualTo(202);
  }

  @Test
  void addsLatencyAndThenAnswersNormally(HandoffEmulator emulator) {
    String path = transfer(emulator);
    emulator
        .control()
        .injectFault(
            new FaultRule(null, "POST", ":transferToParticipant", new FaultAction.Latency(50), 1));
    assertThat(new EmulatorHttp(emulator, false).acsPost(path, BODY).statusCode()).isEqualTo(202);
    assertThat(last(emulator).note()).isEqualTo("fault: latency 50ms");
  }

  @Test
  void dropsTheConnectionBeforeExecuting(HandoffEmulator emulator) {
    String path = transfer(emulator);
    emulator.control().injectFault(FaultRule.once("acs.transfer", new FaultAction.Drop(false)));
    assertThatThrownBy(() -> new EmulatorHttp(emulator, false).acsPost(path, BODY))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(last(emulator).status()).isNull();
    assertThat(last(emulator).note()).isEqualTo("fault: drop");
    assertThat(emulator.journal().callbacks()).isEmpty();
  }

  @Test
  void dropsTheConnectionAfterExecutingSoARetryWithTheSameIdIsReplayed(HandoffEmulator emulator) {
    String path = transfer(emulator);
    emulator.control().injectFault(FaultRule.once("acs.transfer", new FaultAction.Drop(true)));
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    Map<String, String> repeatability =
        Map.of(
            "Repeatability-Request-ID",
            UUID.randomUUID().toString(),
            "Repeatability-First-Sent",
            AcsSigner.now());
    assertThatThrownBy(() -> http.acsPost(path, BODY, repeatability, emulator.acs().accessKey()))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(last(emulator).note()).contains("executed, response not sent: 202");

    HttpResponse<String> retry =
        http.acsPost(path, BODY, repeatability, emulator.acs().accessKey());
    assertThat(retry.statusCode()).isEqualTo(202);
    assertThat(last(emulator).note()).contains("replayed");
    String callId = path.substring("/calling/callConnections/".length(), path.indexOf(':'));
    assertThat(
            emulator
                .journal()
                .awaitCallbacks(c -> callId.equals(c.callId()), 2, Duration.ofSeconds(5)))
        .extracting(c -> c.event())
        .containsExactly("CallTransferAccepted", "CallDisconnected");
  }

  @Test
  void leavesTheRequestUnansweredAfterExecutingItUntilTheHoldEnds(HandoffEmulator emulator) {
    String path = transfer(emulator);
    emulator
        .control()
        .injectFault(FaultRule.once("acs.transfer", new FaultAction.NoResponse(true)));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    URI uri = URI.create(http.base() + path);
    // No client timeout: a short one could expire before a slow machine delivers the request, and
    // the test would then see nothing held. The hold ends by itself (maxHold), without an answer.
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(BODY));
    AcsSigner.headers(
            emulator.acs().accessKey(),
            "POST",
            uri,
            BODY.getBytes(),
            uri.getHost() + ":" + uri.getPort(),
            AcsSigner.now())
        .forEach(request::header);
    CompletableFuture<HttpResponse<String>> answer =
        http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    ReceivedRequest held =
        emulator
            .journal()
            .awaitRequests(r -> r.operation().equals("acs.transfer"), 1, Duration.ofSeconds(30))
            .get(0);
    assertThat(held.status()).isNull();
    assertThat(held.note())
        .contains("no response after execution")
        .contains("executed, response not sent: 202");
    assertThatThrownBy(answer::join)
        .as("the connection ends without a response")
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(
            emulator
                .journal()
                .awaitCallbacks(
                    c -> c.event().equals("CallTransferAccepted"), 1, Duration.ofSeconds(5)))
        .hasSize(1);
  }

  @Test
  void holdsARequestAtItsGateUntilTheGateIsOpenedThenAnswersNormally() throws Exception {
    // Its own emulator: the class's holds requests two seconds at most, and this test must be the
    // one to let the request go, however slow the machine.
    try (HandoffEmulator emulator =
        HandoffEmulator.builder()
            .bindAddress("127.0.0.1")
            .timeScale(0.01)
            .maxHold(Duration.ofMinutes(2))
            .build()
            .start()) {
      String path = transfer(emulator);
      emulator
          .control()
          .injectFault(FaultRule.once("acs.transfer", new FaultAction.Held("transfer")));
      EmulatorHttp http = new EmulatorHttp(emulator, false);
      CompletableFuture<HttpResponse<String>> answer =
          CompletableFuture.supplyAsync(() -> http.acsPost(path, BODY));
      long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!emulator.control().faults().isEmpty() && System.nanoTime() < giveUp) {
        Thread.sleep(10); // the fault is taken once the request reaches the gate
      }

      assertThat(emulator.control().faults()).as("the request reached the gate").isEmpty();
      assertThat(answer).as("held at the gate").isNotDone();
      assertThat(emulator.journal().requests())
          .noneMatch(r -> r.operation().equals("acs.transfer"));

      emulator.control().openGate("transfer");

      assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(202);
      assertThat(last(emulator).note()).isEqualTo("fault: held at gate transfer");
      // An open gate stays open: a request held at it later passes at once.
      emulator
          .control()
          .injectFault(FaultRule.once("acs.transfer", new FaultAction.Held("transfer")));
      assertThat(http.acsPost(transfer(emulator), BODY).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void aHeldFaultNeedsTheNameOfItsGate() {
    assertThatThrownBy(() -> new FaultAction.Held(" "))
        .hasMessage("a held fault needs the name of its gate");
  }

  @Test
  void faultsCanBeListedAndRemoved(HandoffEmulator emulator) {
    String id =
        emulator
            .control()
            .injectFault(
                new FaultRule(
                    "acs.addParticipant", null, null, new FaultAction.Error(500, null), null));
    String callbackId =
        emulator
            .control()
            .injectCallbackFault(
                CallbackFault.once("CallTransferAccepted", CallbackFault.Kind.LOST));
    assertThat(emulator.control().faults()).containsOnlyKeys(id);
    assertThat(emulator.control().callbackFaults()).containsOnlyKeys(callbackId);
    assertThat(emulator.control().removeFault(id)).isTrue();
    assertThat(emulator.control().removeFault(id)).isFalse();
    emulator.control().clearFaults();
    assertThat(emulator.control().callbackFaults()).isEmpty();
  }
}
