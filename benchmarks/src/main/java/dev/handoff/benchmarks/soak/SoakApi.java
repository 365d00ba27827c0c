package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The few calls the soak makes on one service instance's API. */
final class SoakApi {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status and JSON body (null when it had none). */
  record Answer(int status, JsonNode body) {}

  private final URI base;
  private final String apiKey;
  private final HttpClient http;

  SoakApi(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  URI base() {
    return base;
  }

  /**
   * @param callId a call
   * @return the callback URI the service binds to it
   */
  String callbackUri(String callId) throws IOException, InterruptedException {
    Answer answer =
        send(
            HttpRequest.newBuilder(
                    base.resolve(
                        "/v1/calls/"
                            + URLEncoder.encode(callId, StandardCharsets.UTF_8)
                            + "/callback-uri"))
                .GET());
    if (answer.status() != 200) {
      throw new IOException("callback-uri of " + callId + ": " + answer);
    }
    return answer.body().get("callbackUri").asText();
  }

  /**
   * @param callId the call
   * @param body the transfer
   * @param idempotencyKey the key
   * @return the answer
   */
  Answer transfer(String callId, String body, String idempotencyKey)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(
                base.resolve(
                    "/v1/calls/"
                        + URLEncoder.encode(callId, StandardCharsets.UTF_8)
                        + "/transfers"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * @param id an operation
   * @return the operation
   */
  JsonNode operation(String id) throws IOException, InterruptedException {
    Answer answer = send(HttpRequest.newBuilder(base.resolve("/v1/operations/" + id)).GET());
    if (answer.status() != 200) {
      throw new IOException("operation " + id + ": " + answer);
    }
    return answer.body();
  }

  /**
   * Posts a callback as a provider (or a forger) would.
   *
   * @param url the full callback URL
   * @param headers the headers
   * @param body the body
   * @return the status
   */
  int callback(String url, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
            request.header(name, value);
          }
        });
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.header("X-API-Key", apiKey).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    return new Answer(
        response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
  }
}
