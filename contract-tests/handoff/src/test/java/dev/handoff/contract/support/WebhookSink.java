package dev.handoff.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The application's side of the providers' callbacks, on 127.0.0.1: answers every delivery with
 * 200, and an Event Grid subscription validation with its validation code, so that the emulator's
 * deliveries succeed. What arrived is read from the emulator's journal.
 */
public final class WebhookSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  /**
   * @throws IOException when no port can be bound
   */
  public WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    byte[] answer = validationAnswer(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
    exchange.close();
  }

  private static byte[] validationAnswer(byte[] body) {
    try {
      JsonNode events = JSON.readTree(body);
      JsonNode first = events != null && events.isArray() ? events.path(0) : events;
      if (first != null
          && "Microsoft.EventGrid.SubscriptionValidationEvent"
              .equals(first.path("eventType").asText())) {
        String code = first.path("data").path("validationCode").asText();
        return JSON.createObjectNode()
            .put("validationResponse", code)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
      }
    } catch (IOException notJson) {
      // Not an Event Grid handshake: an empty 200 acknowledges it.
    }
    return new byte[0];
  }

  /**
   * @param path a path on the sink, starting with {@code /}
   * @return its URL
   */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
