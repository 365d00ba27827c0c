package dev.handoff.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Handoff service's HTTP API as the load harness uses it: create a call in the embedded
 * emulator, submit a transfer, follow the operation to a terminal state, scrape the metrics.
 */
public final class ServiceClient {
  /** States after which the harness stops following an operation. */
  public static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "UNKNOWN");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String apiKey;
  private final HttpClient http;

  /**
   * @param base the service's root, e.g. {@code http://127.0.0.1:8080/}
   * @param apiKey the {@code X-API-Key} to send
   */
  public ServiceClient(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
    // Every exchange is a blocking send, and every body handler here only collects bytes, so the
    // client's own thread can finish each exchange instead of handing it to a pool thread that then
    // wakes the sender: one thread switch less per exchange in the latencies this client measures.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Runnable::run)
            .build();
  }

  /**
   * @return the JDK client, shared by every load client thread
   */
  public HttpClient http() {
    return http;
  }

  /**
   * @return a new connected call in the embedded emulator whose events come to the service
   * @throws IOException when the service refuses
   * @throws InterruptedException when interrupted
   */
  public String createCall() throws IOException, InterruptedException {
    HttpResponse<String> response = send(post("v1/emulator/calls", "{}"));
    expect(response, 201, "POST /v1/emulator/calls");
    return JSON.readTree(response.body()).path("callId").asText();
  }

  /**
   * @param callId a call the application answers
   * @return the callback URI the service binds to it ({@code GET /v1/calls/{callId}/callback-uri})
   * @throws IOException when the service refuses
   * @throws InterruptedException when interrupted
   */
  public String callbackUri(String callId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            authorised(HttpRequest.newBuilder(base.resolve("v1/calls/" + callId + "/callback-uri")))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build());
    expect(response, 200, "GET /v1/calls/{callId}/callback-uri");
    return JSON.readTree(response.body()).path("callbackUri").asText();
  }

  /**
   * Submits a blind transfer of the call to a phone number.
   *
   * @param callId the call
   * @param target the E.164 number
   * @param operationContext the correlation to send
   * @return the operation's id
   * @throws IOException when the service does not answer 202
   * @throws InterruptedException when interrupted
   */
  public String submitTransfer(String callId, String target, String operationContext)
      throws IOException, InterruptedException {
    String body =
        "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\""
            + target
            + "\"},\"operationContext\":\""
            + operationContext
            + "\"}";
    HttpResponse<String> response = send(post("v1/calls/" + callId + "/transfers", body));
    expect(response, 202, "POST /v1/calls/{callId}/transfers");
    return JSON.readTree(response.body()).path("id").asText();
  }

  /**
   * Follows {@code GET /v1/operations/{id}/events} (Server-Sent Events) to a terminal state, and
   * reads the stream to its end, which the service writes right after that state: a client that
   * closes the stream early makes the JDK's client drop a connection it may already have pooled
   * again, and the next request on it then fails with no answer.
   *
   * @param operationId the operation
   * @return its terminal state, and when it was read
   * @throws IOException when the stream fails or ends before a terminal state
   * @throws InterruptedException when interrupted
   */
  public Final awaitTerminalBySse(String operationId) throws IOException, InterruptedException {
    HttpRequest request =
        authorised(HttpRequest.newBuilder(base.resolve("v1/operations/" + operationId + "/events")))
            .header("Accept", "text/event-stream")
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("GET /v1/operations/{id}/events answered " + response.statusCode());
      }
      StringBuilder data = new StringBuilder();
      Iterator<String> it = lines.iterator();
      Final seen = null;
      while (it.hasNext()) {
        String line = it.next();
        if (seen != null) {
          continue;
        }
        if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        } else if (line.isEmpty() && data.length() > 0) {
          String state = JSON.readTree(data.toString()).path("state").asText();
          if (TERMINAL.contains(state)) {
            seen = new Final(state, System.nanoTime());
          }
          data.setLength(0);
        }
      }
      if (seen == null) {
        throw new IOException("the event stream of " + operationId + " ended before a final state");
      }
      return seen;
    }
  }

  /**
   * An operation's terminal state as its event stream gave it.
   *
   * @param state the state
   * @param seenAtNanos {@link System#nanoTime()} when the client read it
   */
  public record Final(String state, long seenAtNanos) {}

  /**
   * Polls {@code GET /v1/operations/{id}} to a terminal state.
   *
   * @param operationId the operation
   * @param interval the pause between polls
   * @param timeout how long to poll at most
   * @return its terminal state
   * @throws IOException when a poll fails or the time runs out
   * @throws InterruptedException when interrupted
   */
  public String awaitTerminalByPolling(String operationId, Duration interval, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        authorised(HttpRequest.newBuilder(base.resolve("v1/operations/" + operationId)))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send(request);
      expect(response, 200, "GET /v1/operations/{id}");
      String state = JSON.readTree(response.body()).path("state").asText();
      if (TERMINAL.contains(state)) {
        return state;
      }
      Thread.sleep(interval.toMillis());
    }
    throw new IOException(operationId + " not terminal within " + timeout);
  }

  /**
   * @return the Prometheus text of {@code /q/metrics}
   * @throws IOException when it cannot be read
   * @throws InterruptedException when interrupted
   */
  public String metrics() throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            authorised(HttpRequest.newBuilder(base.resolve("q/metrics")))
                .timeout(REQUEST_TIMEOUT)
                .build());
    expect(response, 200, "GET /q/metrics");
    return response.body();
  }

  /**
   * @param path a path under the base, e.g. {@code q/health/live}
   * @return the status of a GET, its body read and dropped
   * @throws IOException when it fails
   * @throws InterruptedException when interrupted
   */
  public int get(String path) throws IOException, InterruptedException {
    return http.send(
            authorised(HttpRequest.newBuilder(base.resolve(path))).timeout(REQUEST_TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .statusCode();
  }

  private HttpRequest post(String path, String json) {
    return authorised(HttpRequest.newBuilder(base.resolve(path)))
        .header("Content-Type", "application/json")
        .timeout(REQUEST_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
    return apiKey == null ? builder : builder.header("X-API-Key", apiKey);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> response, int status, String what)
      throws IOException {
    if (response.statusCode() != status) {
      String body = response.body();
      throw new IOException(
          what
              + " answered "
              + response.statusCode()
              + " instead of "
              + status
              + ": "
              + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
    }
  }
}
