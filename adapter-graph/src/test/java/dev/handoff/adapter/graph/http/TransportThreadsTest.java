package dev.handoff.adapter.graph.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending a request starts no thread. On JDK 17, {@code HttpClient.sendAsync} completes through
 * {@code CompletableFuture}'s default executor, which starts a thread per completion when the
 * common pool has a single thread, as on two cores; the module's tests run with that pool size (see
 * the module's pom) so that this holds on any machine.
 */
class TransportThreadsTest {
  private static final int REQUESTS = 60;
  private static final int WARM_UP = 5;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final AtomicInteger answered = new AtomicInteger();
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    // No executor: exchanges are handled on the server's own dispatcher thread, so the server
    // itself starts no thread per request either.
    server.createContext(
        "/v1.0/communications/calls/c-1/transfer",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          // Counted before answering: the client may read the answer before this thread goes on.
          answered.incrementAndGet();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(202, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    uri =
        URI.create(
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/v1.0/communications/calls/c-1/transfer");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theCommonPoolIsAsSmallAsOnTwoCores() {
    assertThat(ForkJoinPool.getCommonPoolParallelism()).isEqualTo(1);
  }

  @Test
  void requestsStartNoThreadEach() {
    GraphOptions options = GraphOptions.builder().attemptTimeout(Duration.ofSeconds(10)).build();
    GraphTransport transport = new GraphTransport(options.clientOrDefault(), () -> "t", options);
    for (int i = 0; i < WARM_UP; i++) { // the client's selector and workers, the answer timer
      assertThat(transport.post(uri, "{}", "warm-" + i)).isInstanceOf(Exchange.Answered.class);
    }

    long before = threads.getTotalStartedThreadCount();
    for (int i = 0; i < REQUESTS; i++) {
      Exchange exchange = transport.post(uri, "{\"n\":" + i + "}", "r-" + i);
      assertThat(exchange).isInstanceOf(Exchange.Answered.class);
      assertThat(((Exchange.Answered) exchange).status()).isEqualTo(202);
    }
    long started = threads.getTotalStartedThreadCount() - before;

    assertThat(answered).hasValue(WARM_UP + REQUESTS);
    // sendAsync started one per request (60 of 60 before the fix); the client's pooled workers may
    // add one now and then, the JIT a compiler thread.
    assertThat(started).as("threads started by %d requests", REQUESTS).isLessThan(REQUESTS / 6);
  }
}
