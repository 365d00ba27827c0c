package dev.handoff.emulator.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/** The JDK HTTP and HTTPS listeners, both feeding one {@link Dispatcher}. */
public final class HttpFrontend implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HttpFrontend.class.getName());

  private final HttpServer http;
  private final HttpsServer https;
  private final ExecutorService workers;
  private final String advertisedHost;
  private final Duration maxHold;
  private final CountDownLatch closing = new CountDownLatch(1);

  private HttpFrontend(
      HttpServer http,
      HttpsServer https,
      ExecutorService workers,
      String advertisedHost,
      Duration maxHold) {
    this.http = http;
    this.https = https;
    this.workers = workers;
    this.advertisedHost = advertisedHost;
    this.maxHold = maxHold;
  }

  /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections. */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  /**
   * Binds both listeners and starts serving.
   *
   * @param bindAddress the address to bind, e.g. {@code 127.0.0.1}
   * @param httpPort the plain HTTP port, 0 for any free port
   * @param httpsPort the HTTPS port, 0 for any free port
   * @param tls the server TLS context
   * @param advertisedHost the host name put into the base URLs the emulator reports
   * @param maxHold the longest time a request is left unanswered by a "no response" fault
   * @param dispatcher the request handler
   */
  public static HttpFrontend start(
      String bindAddress,
      int httpPort,
      int httpsPort,
      SSLContext tls,
      String advertisedHost,
      Duration maxHold,
      Dispatcher dispatcher) {
    // The JDK server leaves Nagle's algorithm on, which holds each small response back until the
    // client's delayed ACK (about 40 ms on loopback). The switch is read once, when the JDK's
    // server configuration is first loaded; an explicit setting by the host application wins.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    AtomicInteger counter = new AtomicInteger();
    ExecutorService workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(task, "handoff-emulator-http-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      InetAddress address = InetAddress.getByName(bindAddress);
      HttpServer http = HttpServer.create(new InetSocketAddress(address, httpPort), 64);
      HttpsServer https = HttpsServer.create(new InetSocketAddress(address, httpsPort), 64);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      HttpFrontend frontend = new HttpFrontend(http, https, workers, advertisedHost, maxHold);
      http.createContext("/", exchange -> frontend.serve(exchange, "http", dispatcher));
      https.createContext("/", exchange -> frontend.serve(exchange, "https", dispatcher));
      http.setExecutor(workers);
      https.setExecutor(workers);
      http.start();
      https.start();
      return frontend;
    } catch (IOException e) {
      workers.shutdownNow();
      throw new UncheckedIOException("cannot bind the emulator's listeners on " + bindAddress, e);
    }
  }

  /** The bound plain-HTTP port. */
  public int httpPort() {
    return http.getAddress().getPort();
  }

  /** The bound HTTPS port. */
  public int httpsPort() {
    return https.getAddress().getPort();
  }

  /** {@code http://host:port}. */
  public String httpBaseUrl() {
    return "http://" + hostForUrl() + ":" + httpPort();
  }

  /** {@code https://host:port}. */
  public String httpsBaseUrl() {
    return "https://" + hostForUrl() + ":" + httpsPort();
  }

  private String hostForUrl() {
    return advertisedHost.contains(":") ? "[" + advertisedHost + "]" : advertisedHost;
  }

  private void serve(HttpExchange exchange, String scheme, Dispatcher dispatcher) {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Request request =
          new Request(
              scheme,
              exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              body,
              "https".equals(scheme) ? httpsBaseUrl() : httpBaseUrl());
      Reply reply;
      try {
        reply = dispatcher.dispatch(request);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "emulator failed on " + request.method() + " " + request.rawPath(), e);
        reply = new Reply.Send(Response.text(500, "emulator error: " + e, "text/plain"));
      }
      if (reply instanceof Reply.Send send) {
        write(exchange, send.response());
      } else if (reply instanceof Reply.Hold) {
        closing.await(maxHold.toMillis(), TimeUnit.MILLISECONDS);
      }
      // Reply.Drop, and a Hold that ends: closing the exchange without headers drops the
      // connection.
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      exchange.getResponseHeaders().put(header.getKey(), header.getValue());
    }
    byte[] body = response.body();
    boolean noBody = body.length == 0;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Releases held requests and stops both listeners. */
  @Override
  public void close() {
    closing.countDown();
    http.stop(0);
    https.stop(0);
    workers.shutdownNow();
  }
}
