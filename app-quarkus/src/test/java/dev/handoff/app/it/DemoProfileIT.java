package dev.handoff.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command (the demo profile) and its "Try it": listening on loopback only, the
 * emulator announced loudly and reported as the provider, and the try repeatable, each try on a
 * fresh call.
 */
class DemoProfileIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ServiceInstance service;

  @BeforeAll
  static void start() throws Exception {
    service =
        ServiceInstance.start(
            "demo",
            ServiceInstance.freePort(),
            Map.of("quarkus.profile", "demo", "handoff.emulator.time-scale", "0.05"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(service.base().resolve(path));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(
        request
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDemoListensOnLoopbackOnlyAndSaysLoudlyThatNothingIsReal() throws Exception {
    String log = Files.readString(service.log());
    assertThat(log)
        .contains("THE PROVIDER IS THE EMBEDDED EMULATOR: NO REAL CALL IS TRANSFERRED")
        .contains("Listening on: http://127.0.0.1:");
    JsonNode capabilities = JSON.readTree(send("GET", "/v1/capabilities", null).body());
    assertThat(capabilities.path("emulated").asBoolean()).isTrue();
    JsonNode ready = JSON.readTree(send("GET", "/q/health/ready", null).body());
    assertThat(ready.path("status").asText()).isEqualTo("UP");
    assertThat(ready.findValuesAsText("provider")).contains("emulator");
    assertThat(ready.findValuesAsText("name")).contains("callback-keys");
  }

  @Test
  void tryItWorksEveryTimeOnAFreshCall() throws Exception {
    for (int attempt = 1; attempt <= 2; attempt++) {
      HttpResponse<String> created = send("POST", "/v1/emulator/calls", null);
      assertThat(created.statusCode()).isEqualTo(201);
      String call = JSON.readTree(created.body()).path("callId").asText();
      HttpResponse<String> transfer =
          send(
              "POST",
              "/v1/calls/" + call + "/transfers",
              "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+1 425 555 0123\"},"
                  + "\"context\":{\"userToUser\":\"a1b2\",\"sipHeaders\":"
                  + "{\"X-MS-Custom-caseId\":\"42\"}},\"operationContext\":\"case-42\"}");
      assertThat(transfer.statusCode()).as("try %d", attempt).isEqualTo(202);
      URI location = URI.create(transfer.headers().firstValue("Location").orElseThrow());
      assertThat(awaitFinal(location.getPath())).as("try %d", attempt).isEqualTo("COMPLETED");
    }
  }

  private static String awaitFinal(String path) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    String state = "";
    while (Instant.now().isBefore(giveUp)) {
      state = JSON.readTree(send("GET", path, null).body()).path("state").asText();
      if (state.equals("COMPLETED") || state.equals("FAILED") || state.equals("UNKNOWN")) {
        return state;
      }
      Thread.sleep(50);
    }
    return state;
  }
}
