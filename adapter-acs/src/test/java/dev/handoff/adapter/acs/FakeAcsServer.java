package dev.handoff.adapter.acs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A scripted stand-in for the ACS service on 127.0.0.1: records every request, answers from a queue
 * (the last answer repeats), and can check HMAC signatures with its own implementation of the
 * algorithm (independent of the adapter's signer).
 */
public final class FakeAcsServer implements AutoCloseable {
  /** A 32-byte access key, base64. */
  public static final String ACCESS_KEY =
      Base64.getEncoder()
          .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  /** One recorded request. */
  public record Recorded(
      String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {
    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** One scripted answer. */
  public record Answer(int status, Map<String, String> headers, String body, boolean hangs) {
    public static Answer of(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body, false);
    }

    public static Answer empty(int status) {
      return new Answer(status, Map.of(), "", false);
    }

    /** Never answers: the connection stays open until the server stops. */
    public static Answer hang() {
      return new Answer(0, Map.of(), "", true);
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Answer(status, more, body, hangs);
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new ArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<String> signatureProblems = new ArrayList<>();
  private final Map<String, String> documents = new java.util.concurrent.ConcurrentHashMap<>();
  private Answer last = Answer.of(202, "{}");

  private FakeAcsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /**
   * @return a started server
   */
  public static FakeAcsServer start() {
    try {
      return new FakeAcsServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * @return a connection string for this server with {@link #ACCESS_KEY}
   */
  public String connectionString() {
    return "endpoint=" + endpoint() + "/;accesskey=" + ACCESS_KEY;
  }

  /**
   * @param next answers to give, in order; the last one repeats
   * @return this server
   */
  public synchronized FakeAcsServer answer(Answer... next) {
    answers.addAll(List.of(next));
    return this;
  }

  /**
   * Serves a fixed JSON document to GET requests on a path (e.g. an OpenID configuration); such
   * requests are not recorded.
   *
   * @param path the path
   * @param json the document
   * @return this server
   */
  public FakeAcsServer serve(String path, String json) {
    documents.put(path, json);
    return this;
  }

  /**
   * @return the requests received so far
   */
  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /**
   * @return HMAC problems found so far (empty when every request was correctly signed)
   */
  public synchronized List<String> signatureProblems() {
    return List.copyOf(signatureProblems);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String document = documents.get(exchange.getRequestURI().getPath());
    if (document != null && exchange.getRequestMethod().equals("GET")) {
      byte[] out = document.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(out);
      }
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    Recorded recorded =
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            new String(body, StandardCharsets.UTF_8));
    Answer answer;
    synchronized (this) {
      requests.add(recorded);
      checkSignature(recorded, body);
      if (!answers.isEmpty()) {
        last = answers.poll();
      }
      answer = last;
    }
    if (answer.hangs()) {
      try {
        stopped.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  // The service's side of HMAC-SHA256, written from the scheme's description without the adapter's
  // code.
  private void checkSignature(Recorded request, byte[] body) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.startsWith("HMAC-SHA256 ")) {
      return;
    }
    try {
      String hash =
          Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
      if (!hash.equals(request.header("x-ms-content-sha256"))) {
        signatureProblems.add("content hash mismatch");
      }
      String pathAndQuery =
          request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
      String toSign =
          request.method()
              + "\n"
              + pathAndQuery
              + "\n"
              + request.header("x-ms-date")
              + ";"
              + request.header("Host")
              + ";"
              + hash;
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(ACCESS_KEY), "HmacSHA256"));
      String expected =
          "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
              + Base64.getEncoder()
                  .encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
      if (!expected.equals(authorization)) {
        signatureProblems.add("signature mismatch for " + request.rawPath());
      }
    } catch (Exception e) {
      signatureProblems.add("could not check: " + e);
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
