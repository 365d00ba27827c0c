package dev.handoff.benchmarks.process;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Waits for a child to answer {@code 200} on its readiness URL. */
public final class Readiness {
  private static final Duration POLL = Duration.ofMillis(20);

  private Readiness() {}

  /**
   * Polls every 20 ms.
   *
   * @param child the process, whose death ends the wait
   * @param url e.g. {@code http://127.0.0.1:8080/q/health/ready}
   * @param timeout how long to wait at most
   * @return {@link System#nanoTime()} when the first {@code 200} arrived
   * @throws IOException when the child dies or the time runs out; the message has the log's tail
   * @throws InterruptedException when interrupted
   */
  public static long await(ChildJvm child, URI url, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    int lastStatus = -1;
    while (System.nanoTime() < deadline) {
      if (!child.alive()) {
        throw new IOException(
            "the process exited before " + url + " was ready; its log:\n" + child.logTail(40));
      }
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return System.nanoTime();
        }
        lastStatus = response.statusCode();
      } catch (ConnectException | HttpTimeoutException notYet) {
        // Not listening yet.
      } catch (IOException notYet) {
        // Connection reset while the server starts.
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new IOException(
        url
            + " not ready within "
            + timeout
            + " (last status "
            + lastStatus
            + "); the log:\n"
            + child.logTail(40));
  }
}
