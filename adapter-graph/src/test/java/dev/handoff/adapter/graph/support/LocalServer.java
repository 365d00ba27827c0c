package dev.handoff.adapter.graph.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A JDK HTTP server on 127.0.0.1 and an ephemeral port that records every request and answers from
 * a queue of scripted responses (the last one repeats), or from a handler function.
 */
public final class LocalServer implements AutoCloseable {

  /** A request as received. */
  public record Recorded(
      String method, String path, Map<String, List<String>> headers, String body) {
    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** A scripted response. */
  public record Reply(int status, Map<String, String> headers, String body) {
    /**
     * @param status the status
     * @return a reply without body or headers
     */
    public static Reply status(int status) {
      return new Reply(status, Map.of(), "");
    }

    /**
     * @param status the status
     * @param json the JSON body
     * @return a JSON reply
     */
    public static Reply json(int status, String json) {
      return new Reply(status, Map.of("Content-Type", "application/json"), json);
    }

    /**
     * @param name a header
     * @param value its value
     * @return this reply with that header added
     */
    public Reply with(String name, String value) {
      Map<String, String> all = new java.util.LinkedHashMap<>(headers);
      all.put(name, value);
      return new Reply(status, all, body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
  private volatile Function<Recorded, Reply> handler;

  private LocalServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * @return a started server on an ephemeral port
   */
  public static LocalServer start() {
    return startOn(0);
  }

  /**
   * @param port the port, 0 for any
   * @return a started server
   */
  public static LocalServer startOn(int port) {
    try {
      return new LocalServer(port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param replies the responses, in order; the last repeats
   * @return this server
   */
  public LocalServer reply(Reply... replies) {
    script.clear();
    script.addAll(List.of(replies));
    return this;
  }

  /**
   * @param value computes each response
   * @return this server
   */
  public LocalServer handler(Function<Recorded, Reply> value) {
    handler = value;
    return this;
  }

  /**
   * @return the base URL, {@code http://127.0.0.1:<port>}
   */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /**
   * @param path a path starting with {@code /}
   * @return the URL of that path
   */
  public URI url(String path) {
    return URI.create(baseUrl() + path);
  }

  /**
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * @return the requests received so far
   */
  public List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Recorded recorded =
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body);
    requests.add(recorded);
    Reply reply;
    if (handler != null) {
      reply = handler.apply(recorded);
    } else {
      reply = script.size() > 1 ? script.pollFirst() : script.peekFirst();
    }
    if (reply == null) {
      reply = Reply.status(500);
    }
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
