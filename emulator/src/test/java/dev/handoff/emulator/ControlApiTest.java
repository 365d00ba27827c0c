package dev.handoff.emulator;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP control API offers what the Java API does. */
class ControlApiTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01));

  private static HttpResponse<String> call(
      EmulatorHttp http, HandoffEmulator emulator, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.controlUrl() + path));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build());
  }

  @Test
  void drivesATransferEndToEndOverHttp(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    try (CallbackReceiver receiver = new CallbackReceiver()) {
      JsonNode info = json(call(http, emulator, "GET", "/info", null));
      assertThat(info.get("acsConnectionString").asText())
          .isEqualTo(emulator.acs().connectionString());
      assertThat(info.get("graph").get("tokenEndpoint").asText())
          .isEqualTo(emulator.graph().tokenEndpoint().toString());

      HttpResponse<String> created =
          call(
              http,
              emulator,
              "POST",
              "/acs/calls",
              "{\"callbackUri\":\""
                  + receiver.url("/cb")
                  + "\",\"participants\":[\"4:+14255550100\"]}");
      assertThat(created.statusCode()).isEqualTo(201);
      String callId = json(created).get("callConnectionId").asText();

      assertThat(
              call(
                      http,
                      emulator,
                      "POST",
                      "/outcomes",
                      "{\"target\":\"+14255550123\",\"outcome\":{\"kind\":\"busy\"}}")
                  .statusCode())
          .isEqualTo(204);
      assertThat(emulator.control().scripts()).containsEntry("+14255550123", Outcome.busy());
      assertThat(
              json(call(http, emulator, "GET", "/outcomes", null))
                  .get("scripts")
                  .get("+14255550123")
                  .get("kind")
                  .asText())
          .isEqualTo("busy");

      HttpResponse<String> fault =
          call(
              http,
              emulator,
              "POST",
              "/faults",
              "{\"operation\":\"acs.transfer\",\"action\":{\"type\":\"error\",\"status\":503},\"times\":1}");
      assertThat(fault.statusCode()).isEqualTo(201);
      assertThat(emulator.control().faults().values())
          .extracting(r -> r.action())
          .containsExactly(new FaultAction.Error(503, null));

      String transfer =
          "/calling/callConnections/" + callId + ":transferToParticipant?api-version=2026-03-12";
      String body = "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+14255550123\"}}}";
      assertThat(http.acsPost(transfer, body).statusCode()).isEqualTo(503);
      assertThat(http.acsPost(transfer, body).statusCode()).isEqualTo(202);
      assertThat(receiver.await("/cb", 1).get(0).acsType()).isEqualTo("CallTransferFailed");
      emulator.journal().awaitCallbacks(c -> true, 1, Duration.ofSeconds(5));

      JsonNode requests = json(call(http, emulator, "GET", "/journal/requests", null));
      assertThat(requests).hasSize(2);
      assertThat(requests.get(0).get("status").asInt()).isEqualTo(503);
      assertThat(requests.get(0).get("note").asText()).isEqualTo("fault: error 503");
      JsonNode callbacks = json(call(http, emulator, "GET", "/journal/callbacks", null));
      assertThat(callbacks.get(0).get("event").asText()).isEqualTo("CallTransferFailed");
      assertThat(callbacks.get(0).get("status").asText()).isEqualTo("DELIVERED");
      assertThat(
              json(call(http, emulator, "GET", "/acs/calls/" + callId, null)).get("state").asText())
          .isEqualTo("connected");

      assertThat(call(http, emulator, "POST", "/reset", null).statusCode()).isEqualTo(204);
      assertThat(emulator.journal().requests()).isEmpty();
      assertThat(call(http, emulator, "GET", "/acs/calls/" + callId, null).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void createsGraphCallsAndCallbackFaults(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> created =
        call(
            http,
            emulator,
            "POST",
            "/graph/calls",
            "{\"callbackUri\":\"https://127.0.0.1:9/cb\",\"participants\":[\"user:a\",\"user:b\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode graphCall = json(created);
    assertThat(graphCall.get("participants")).hasSize(2);
    assertThat(
            json(call(
                    http,
                    emulator,
                    "GET",
                    "/graph/calls/" + graphCall.get("callId").asText(),
                    null))
                .get("state")
                .asText())
        .isEqualTo("established");
    JsonNode chosen =
        json(
            call(
                http,
                emulator,
                "POST",
                "/graph/calls",
                "{\"callbackUri\":\"https://127.0.0.1:9/cb\",\"participants\":[\"user:a\",\"user:b\"],"
                    + "\"groupTransferEnd\":\"roster\",\"callId\":\"chosen-call\"}"));
    assertThat(chosen.get("callId").asText()).isEqualTo("chosen-call");
    assertThat(
            call(
                    http,
                    emulator,
                    "POST",
                    "/graph/calls",
                    "{\"callbackUri\":\"https://127.0.0.1:9/cb\",\"participants\":[\"user:a\"],"
                        + "\"groupTransferEnd\":\"sideways\"}")
                .body())
        .contains("unknown groupTransferEnd 'sideways' (terminated, roster)");
    assertThat(
            call(
                    http,
                    emulator,
                    "POST",
                    "/callback-faults",
                    "{\"event\":\"call.transferAccepted\",\"kind\":\"lost\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(json(call(http, emulator, "GET", "/faults", null)).get("callbacks")).hasSize(1);
    assertThat(
            call(
                    http,
                    emulator,
                    "POST",
                    "/faults",
                    "{\"operation\":\"acs.transfer\",\"action\":{\"type\":\"held\","
                        + "\"gate\":\"g-1\"},\"times\":1}")
                .statusCode())
        .isEqualTo(201);
    assertThat(emulator.control().faults().values())
        .extracting(FaultRule::action)
        .contains(new FaultAction.Held("g-1"));
    assertThat(call(http, emulator, "POST", "/gates/g-1/open", null).statusCode()).isEqualTo(204);
    assertThat(call(http, emulator, "DELETE", "/faults", null).statusCode()).isEqualTo(204);
    assertThat(emulator.control().callbackFaults()).isEmpty();
  }

  @Test
  void invitesIntoAnAcsCallAndReceivesItsOwnCallbacks(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String sink = emulator.controlUrl() + "/sink/acs";
    String callId =
        json(call(
                http,
                emulator,
                "POST",
                "/acs/calls",
                "{\"callbackUri\":\"" + sink + "\",\"participants\":[\"4:+14255550100\"]}"))
            .get("callConnectionId")
            .asText();
    call(
        http,
        emulator,
        "POST",
        "/outcomes",
        "{\"target\":\"+14255550199\",\"outcome\":{\"kind\":\"decline\"}}");

    HttpResponse<String> invited =
        call(
            http,
            emulator,
            "POST",
            "/acs/calls/" + callId + "/invitations",
            "{\"target\":\"4:+14255550199\"}");

    assertThat(invited.statusCode()).isEqualTo(201);
    String invitationId = json(invited).get("invitationId").asText();
    assertThat(invitationId).isNotBlank();
    // The declined invitation's event went to the emulator's own receiver, which took it.
    assertThat(
            emulator
                .journal()
                .awaitCallbacks(
                    c -> c.event().equals("AddParticipantFailed"), 1, Duration.ofSeconds(5))
                .get(0))
        .satisfies(
            callback -> {
              assertThat(callback.url()).isEqualTo(sink);
              assertThat(callback.body()).contains("4:+14255550199");
              assertThat(callback.status().name()).isEqualTo("DELIVERED");
            });
    assertThat(
            call(
                    http,
                    emulator,
                    "POST",
                    "/acs/calls/no-such-call/invitations",
                    "{\"target\":\"4:+1\"}")
                .body())
        .contains("cannot invite into ACS call no-such-call");
  }

  @Test
  void answersEventGridValidationOnItsOwnReceiver(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    call(
        http,
        emulator,
        "PUT",
        "/settings/event-grid-webhook",
        "{\"url\":\"" + emulator.controlUrl() + "/sink/eventgrid\"}");
    try {
      HttpResponse<String> incoming =
          call(
              http,
              emulator,
              "POST",
              "/acs/incoming-calls",
              "{\"from\":\"4:+14255550100\",\"to\":\"8:acs:someone\"}");

      assertThat(incoming.statusCode()).isEqualTo(201);
      assertThat(
              emulator
                  .journal()
                  .awaitCallbacks(c -> c.event().equals("IncomingCall"), 1, Duration.ofSeconds(5))
                  .get(0)
                  .status()
                  .name())
          .isEqualTo("DELIVERED");
    } finally {
      call(http, emulator, "PUT", "/settings/event-grid-webhook", "{\"url\":null}");
    }
    HttpResponse<String> validation =
        call(
            http,
            emulator,
            "POST",
            "/sink/anything",
            "[{\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
                + "\"data\":{\"validationCode\":\"c0de\"}}]");
    assertThat(json(validation).get("validationResponse").asText()).isEqualTo("c0de");
  }

  @Test
  void refusesBadControlRequestsWithAMessage(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> noParticipants =
        call(
            http,
            emulator,
            "POST",
            "/acs/calls",
            "{\"callbackUri\":\"https://x/cb\",\"participants\":[]}");
    assertThat(noParticipants.statusCode()).isEqualTo(400);
    assertThat(json(noParticipants).get("error").asText()).contains("at least one participant");
    HttpResponse<String> badOutcome =
        call(http, emulator, "PUT", "/outcomes/default", "{\"kind\":\"maybe\"}");
    assertThat(json(badOutcome).get("error").asText()).contains("unknown outcome kind 'maybe'");
    HttpResponse<String> badFault =
        call(http, emulator, "POST", "/faults", "{\"action\":{\"type\":\"error\",\"status\":200}}");
    assertThat(json(badFault).get("error").asText()).contains("fault status must be 400..599");
    HttpResponse<String> noWebhook =
        call(http, emulator, "POST", "/acs/incoming-calls", "{\"from\":\"4:+1\",\"to\":\"4:+2\"}");
    assertThat(json(noWebhook).get("error").asText())
        .contains("no Event Grid webhook is configured");
    assertThat(call(http, emulator, "GET", "/nothing", null).statusCode()).isEqualTo(404);
    assertThat(
            call(http, emulator, "POST", "/graph/calls", "{\"participants\":[\"user:a\"]}").body())
        .contains("needs a callbackUri");
  }

  @Test
  void servesTheTrustMaterial(HandoffEmulator emulator) throws Exception {
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    String pem = http.get(emulator.controlUrl() + "/trust.pem").body();
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes()));
    assertThat(certificate).isEqualTo(emulator.trust().certificate());
    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(n -> (Object) n.get(1))
        .contains((Object) "localhost", (Object) "127.0.0.1");

    byte[] p12 =
        http.client()
            .send(
                HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/truststore.p12"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(p12), TrustMaterial.PKCS12_PASSWORD.toCharArray());
    assertThat(store.getCertificate("handoff-emulator")).isEqualTo(certificate);
  }
}
