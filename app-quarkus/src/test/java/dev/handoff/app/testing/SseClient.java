package dev.handoff.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream into events, for tests. */
public final class SseClient implements AutoCloseable {

  /**
   * One event.
   *
   * @param name the event name
   * @param id the event id
   * @param data the data
   */
  public record Event(String name, String id, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> ended = new CompletableFuture<>();
  private final Thread reader;
  private volatile Stream<String> lines;

  /**
   * Opens the stream and reads it on a background thread.
   *
   * @param uri the stream's URI
   * @param apiKey the API key
   */
  public SseClient(URI uri, String apiKey) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Accept", "text/event-stream")
            .header("X-API-Key", apiKey)
            .timeout(Duration.ofSeconds(30))
            .build();
    reader =
        new Thread(
            () -> {
              try {
                HttpResponse<Stream<String>> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
                lines = response.body();
                read(response.body());
                ended.complete(response.statusCode());
              } catch (IOException | InterruptedException | RuntimeException e) {
                ended.completeExceptionally(e);
              }
            },
            "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Stream<String> body) {
    String name = null;
    String id = null;
    StringBuilder data = new StringBuilder();
    for (String line : (Iterable<String>) body::iterator) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          events.add(new Event(name, id, data.toString()));
        }
        name = null;
        id = null;
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    }
  }

  /**
   * @param timeout how long to wait
   * @return the next event
   * @throws InterruptedException when interrupted
   */
  public Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  /**
   * Waits for the server to end the stream.
   *
   * @param timeout how long to wait
   * @return the events received after those already taken
   * @throws Exception when the stream did not end
   */
  public List<Event> awaitEnd(Duration timeout) throws Exception {
    ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<Event> rest = new ArrayList<>();
    events.drainTo(rest);
    return rest;
  }

  @Override
  public void close() {
    Stream<String> open = lines;
    if (open != null) {
      open.close();
    }
    reader.interrupt();
  }
}
