package dev.handoff.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A local webhook receiver that records every callback; answers 200 unless told otherwise. */
public final class CallbackReceiver implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One received callback. */
  public record Received(String path, Map<String, List<String>> headers, String body) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The first value of a header. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** The ACS event type (without prefix) of a CloudEvents array body. */
    public String acsType() {
      return json().get(0).get("type").asText().replace("Microsoft.Communication.", "");
    }

    /** The first Graph notification of a commsNotifications body. */
    public JsonNode graphNotification() {
      return json().get("value").get(0);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private Validation validation = Validation.ECHO;

  /** How the receiver answers an Event Grid subscription validation. */
  public enum Validation {
    /** Echo the code synchronously. */
    ECHO,
    /** Answer 200 without the code and never validate. */
    IGNORE,
    /** Answer 200 without the code, then GET the validation URL. */
    URL
  }

  /** Starts a receiver on a free loopback port. */
  public CallbackReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String text = new String(body, StandardCharsets.UTF_8);
          Received r =
              new Received(
                  exchange.getRequestURI().getPath(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  text);
          int status;
          Validation mode;
          synchronized (this) {
            status = statuses.isEmpty() ? 200 : statuses.poll();
            mode = validation;
            received.add(r);
            notifyAll();
          }
          byte[] response = new byte[0];
          if ("SubscriptionValidation".equals(r.header("aeg-event-type"))) {
            status = 200;
            JsonNode data = r.json().get(0).get("data");
            if (mode == Validation.ECHO) {
              response =
                  ("{\"validationResponse\":\"" + data.get("validationCode").asText() + "\"}")
                      .getBytes(StandardCharsets.UTF_8);
            } else if (mode == Validation.URL) {
              String url = data.get("validationUrl").asText();
              new Thread(() -> get(url)).start();
            }
          }
          exchange.sendResponseHeaders(status, response.length == 0 ? -1 : response.length);
          if (response.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(response);
            }
          }
          exchange.close();
        });
    server.start();
  }

  /** The URL of a path on this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers the next callbacks with these statuses, then 200 again. */
  public synchronized void respondWith(Integer... next) {
    statuses.addAll(List.of(next));
  }

  /** How to answer Event Grid validations (default: echo the code). */
  public synchronized void validation(Validation mode) {
    this.validation = mode;
  }

  private static void get(String url) {
    try {
      java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Everything received so far. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits for at least {@code count} received callbacks matching the filter. */
  public synchronized List<Received> await(
      Predicate<Received> filter, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Received> matching = received.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError(
            "expected "
                + count
                + " callbacks, got "
                + matching.size()
                + ": "
                + received.stream().map(Received::body).toList());
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Waits for at least {@code count} callbacks on a path. */
  public List<Received> await(String path, int count) {
    return await(r -> r.path().equals(path), count, Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
