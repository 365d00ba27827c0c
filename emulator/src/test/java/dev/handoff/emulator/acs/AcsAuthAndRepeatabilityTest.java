package dev.handoff.emulator.acs;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.AcsSigner;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AcsAuthAndRepeatabilityTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01));

  static final String BODY =
      "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+14255550123\"}},\"operationContext\":\"r\"}";
  static final String HMAC_FAILED =
      "{\"error\":{\"code\":\"7509\",\"message\":\"HMAC-SHA256 validation failed\"}}";
  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static String transferPath(AcsCall call) {
    return "/calling/callConnections/"
        + call.callConnectionId()
        + ":transferToParticipant?api-version=2026-03-12";
  }

  private static AcsCall call(HandoffEmulator emulator) {
    return emulator
        .control()
        .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/auth"), "4:+14255550100"));
  }

  @Test
  void refusesAWrongKeyWith7509(HandoffEmulator emulator) {
    HttpResponse<String> response =
        new EmulatorHttp(emulator, true)
            .acsPost(
                transferPath(call(emulator)),
                BODY,
                Map.of(),
                "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(HMAC_FAILED);
    assertThat(response.headers().map().keySet())
        .noneMatch(h -> h.toLowerCase().startsWith("x-emulator"));
    ReceivedRequest journaled = emulator.journal().requests().get(0);
    assertThat(journaled.note()).contains("the signature does not match");
  }

  @Test
  void refusesATamperedBodyAndAWrongPath(HandoffEmulator emulator) {
    AcsCall call = call(emulator);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    URI uri = URI.create(http.base() + transferPath(call));
    Map<String, String> signed =
        AcsSigner.headers(
            emulator.acs().accessKey(),
            "POST",
            uri,
            BODY.getBytes(),
            uri.getHost() + ":" + uri.getPort(),
            AcsSigner.now());

    HttpRequest.Builder tampered =
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(BODY.replace("\"r\"", "\"s\"")));
    signed.forEach(tampered::header);
    HttpResponse<String> tamperedResponse = http.send(tampered.build());
    assertThat(tamperedResponse.statusCode()).isEqualTo(401);
    assertThat(tamperedResponse.body()).isEqualTo(HMAC_FAILED);

    URI otherPath =
        URI.create(uri.toString().replace(call.callConnectionId(), call.callConnectionId() + "x"));
    HttpRequest.Builder moved =
        HttpRequest.newBuilder(otherPath).POST(HttpRequest.BodyPublishers.ofString(BODY));
    signed.forEach(moved::header);
    HttpResponse<String> movedResponse = http.send(moved.build());
    assertThat(movedResponse.statusCode()).isEqualTo(401);
    assertThat(movedResponse.body()).isEqualTo(HMAC_FAILED);
    assertThat(emulator.journal().callbacks()).isEmpty();
  }

  @Test
  void refusesAMissingAuthorizationHeader(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + transferPath(call(emulator))))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").get("message").asText())
        .contains("Authorization header is missing");
  }

  @Test
  void acceptsABearerTokenIssuedForCommunicationServices(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    HttpResponse<String> tokenResponse =
        http.form(
            emulator.graph().tokenEndpoint().toString(),
            "grant_type=client_credentials&client_id="
                + emulator.graph().clientId()
                + "&client_secret="
                + emulator.graph().clientSecret()
                + "&scope=https://communication.azure.com//.default");
    assertThat(tokenResponse.statusCode()).isEqualTo(200);
    String token = json(tokenResponse).get("access_token").asText();
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + transferPath(call(emulator))))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build());
    assertThat(accepted.statusCode()).isEqualTo(202);

    String graphToken = http.graphToken();
    HttpResponse<String> wrongAudience =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + transferPath(call(emulator))))
                .header("Authorization", "Bearer " + graphToken)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build());
    assertThat(wrongAudience.statusCode()).isEqualTo(401);
    assertThat(wrongAudience.body()).contains("audience");
  }

  @Test
  void aRepeatedRequestReturnsTheStoredResponseAndExecutesOnce(HandoffEmulator emulator) {
    AcsCall call = call(emulator);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    Map<String, String> repeatability =
        Map.of(
            "Repeatability-Request-ID",
            UUID.randomUUID().toString(),
            "Repeatability-First-Sent",
            AcsSigner.now());

    HttpResponse<String> first =
        http.acsPost(transferPath(call), BODY, repeatability, emulator.acs().accessKey());
    HttpResponse<String> second =
        http.acsPost(transferPath(call), BODY, repeatability, emulator.acs().accessKey());

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(first.statusCode());
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("repeatability-result")).contains("accepted");
    assertThat(second.headers().firstValue("x-microsoft-skype-chain-id"))
        .isEqualTo(first.headers().firstValue("x-microsoft-skype-chain-id"));
    List<ReceivedRequest> requests = emulator.journal().requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).note()).contains("repeatability: replayed");
    emulator.journal().awaitCallbacks(c -> true, 2, Duration.ofSeconds(5));
    assertThat(emulator.journal().callbacks())
        .extracting(SentCallback::event)
        .containsExactly("CallTransferAccepted", "CallDisconnected");
  }

  @Test
  void aReplayOfAFailedRequestReturnsTheSameError(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    Map<String, String> repeatability =
        Map.of(
            "Repeatability-Request-ID",
            UUID.randomUUID().toString(),
            "Repeatability-First-Sent",
            AcsSigner.now());
    String path = "/calling/callConnections/missing:transferToParticipant?api-version=2026-03-12";
    HttpResponse<String> first =
        http.acsPost(path, BODY, repeatability, emulator.acs().accessKey());
    HttpResponse<String> second =
        http.acsPost(path, BODY, repeatability, emulator.acs().accessKey());
    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(second.body()).isEqualTo(first.body());
  }

  @Test
  void refusesAnIdReusedForADifferentRequest(HandoffEmulator emulator) {
    AcsCall call = call(emulator);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    Map<String, String> repeatability =
        Map.of(
            "Repeatability-Request-ID",
            UUID.randomUUID().toString(),
            "Repeatability-First-Sent",
            AcsSigner.now());
    assertThat(
            http.acsPost(transferPath(call), BODY, repeatability, emulator.acs().accessKey())
                .statusCode())
        .isEqualTo(202);
    HttpResponse<String> reused =
        http.acsPost(
            transferPath(call),
            BODY.replace("\"r\"", "\"other\""),
            repeatability,
            emulator.acs().accessKey());
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(json(reused).get("error").get("code").asText()).isEqualTo("8523");
    assertThat(json(reused).get("error").get("message").asText())
        .contains("'Repeatability-Request-ID' was already used for a different request");
  }

  @Test
  void refusesMalformedRepeatabilityHeaders(HandoffEmulator emulator) {
    AcsCall call = call(emulator);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String key = emulator.acs().accessKey();
    HttpResponse<String> noFirstSent =
        http.acsPost(
            transferPath(call),
            BODY,
            Map.of("Repeatability-Request-ID", UUID.randomUUID().toString()),
            key);
    assertThat(noFirstSent.statusCode()).isEqualTo(400);
    assertThat(noFirstSent.body())
        .contains(
            "'Repeatability-First-Sent' is required when Repeatability-Request-ID is specified");
    HttpResponse<String> notUuid =
        http.acsPost(
            transferPath(call),
            BODY,
            Map.of("Repeatability-Request-ID", "abc", "Repeatability-First-Sent", AcsSigner.now()),
            key);
    assertThat(notUuid.body()).contains("'Repeatability-Request-ID' must be a UUID");
    HttpResponse<String> badDate =
        http.acsPost(
            transferPath(call),
            BODY,
            Map.of(
                "Repeatability-Request-ID",
                UUID.randomUUID().toString(),
                "Repeatability-First-Sent",
                "yesterday"),
            key);
    assertThat(badDate.body()).contains("'Repeatability-First-Sent' must be an IMF-fixdate");
    assertThat(emulator.journal().callbacks()).isEmpty();
  }
}
