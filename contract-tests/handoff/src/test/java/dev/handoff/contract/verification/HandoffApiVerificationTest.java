package dev.handoff.contract.verification;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.contract.pact.BundledPacts;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.contract.pact.VerificationTargets;
import dev.handoff.contract.support.PackagedService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged Handoff service honours the IVR bot's pact. The service runs as a process, with the
 * embedded emulator as its provider; provider states create calls through {@code POST
 * /v1/emulator/calls}, script the emulator through its control API and submit operations through
 * the API itself, and hand the ids to the interactions. Each replayed request carries the key the
 * service was started with in place of the pact's example key.
 */
@Provider(HandoffPacts.API_PROVIDER)
@PactSource(BundledPacts.class)
class HandoffApiVerificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static PackagedService service;

  @BeforeAll
  static void start() throws Exception {
    service = PackagedService.start();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(VerificationTargets.of(service.baseUrl()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    if (request.containsHeader("X-API-Key")) {
      request.setHeader("X-API-Key", service.apiKey());
    }
    context.verifyInteraction();
  }

  @State("a call exists")
  Map<String, Object> callExists() {
    return Map.of("callId", newCall());
  }

  @State("a call with a ringing invitation exists")
  Map<String, Object> ringingInvitation() {
    String callId = newCall();
    String controlUrl = call("GET", "/v1/emulator", null).path("controlUrl").asText();
    send(
        "POST",
        URI.create(controlUrl + "/outcomes"),
        "{\"target\":\"+14255550199\",\"outcome\":{\"kind\":\"noAnswer\"}}");
    JsonNode add =
        call(
            "POST",
            "/v1/calls/" + callId + "/participants",
            "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550199\"}}");
    return Map.of("callId", callId, "invitationId", add.path("invitationId").asText());
  }

  @State("a transfer was submitted")
  Map<String, Object> transferSubmitted() {
    return Map.of("operationId", transfer(newCall()));
  }

  @State("a transfer has completed")
  Map<String, Object> transferCompleted() throws InterruptedException {
    String operationId = transfer(newCall());
    Instant deadline = Instant.now().plusSeconds(15);
    while (!call("GET", "/v1/operations/" + operationId, null)
        .path("state")
        .asText()
        .equals("COMPLETED")) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the transfer " + operationId + " did not complete");
      }
      Thread.sleep(50);
    }
    return Map.of("operationId", operationId);
  }

  @State("no operation exists")
  void noOperation() {
    // Operation ids are random UUIDs: the pact's example id names none.
  }

  private static String newCall() {
    String id = "ivr-" + UUID.randomUUID();
    return call("POST", "/v1/emulator/calls", "{\"callId\":\"" + id + "\"}")
        .path("callId")
        .asText();
  }

  private static String transfer(String callId) {
    return call(
            "POST",
            "/v1/calls/" + callId + "/transfers",
            "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
        .path("id")
        .asText();
  }

  private static JsonNode call(String method, String path, String body) {
    return send(method, service.baseUrl().resolve(path), body);
  }

  private static JsonNode send(String method, URI uri, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("X-API-Key", service.apiKey())
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
