package dev.handoff.contract.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Handoff service ({@code app-quarkus/target/quarkus-app/quarkus-run.jar}) run as a
 * process on 127.0.0.1 and a free port, with API-key authentication, the embedded emulator as its
 * provider, asked for explicitly as a deployment must (time scale 0.05) and its log in {@code
 * target/handoff-service.log}. Ready when {@code /q/health/ready} answers 200; stopped by {@link
 * #close()}.
 */
public final class PackagedService implements AutoCloseable {
  /** System property naming the packaged service's jar; the build sets it. */
  public static final String JAR_PROPERTY = "handoff.service.jar";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final URI baseUrl;
  private final String apiKey;

  private PackagedService(Process process, URI baseUrl, String apiKey) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /**
   * Starts the service and waits until it is ready.
   *
   * @return the running service
   * @throws IllegalStateException when the jar is missing or the service does not become ready; the
   *     message says why and where its log is
   */
  public static PackagedService start() throws IOException, InterruptedException {
    Path jar =
        Paths.get(
            System.getProperty(JAR_PROPERTY, "../app-quarkus/target/quarkus-app/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the packaged service "
              + jar.toAbsolutePath()
              + " does not exist: build it with the reactor, e.g. ./mvnw -B -pl contract-tests/handoff -am"
              + " verify, which packages app-quarkus before these tests run");
    }
    int port = freePort();
    String apiKey = "contract-" + UUID.randomUUID();
    Path log = Paths.get("target", "handoff-service.log");
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dhandoff.provider=emulator");
    command.add("-Dhandoff.api.keys=" + apiKey);
    command.add("-Dhandoff.emulator.time-scale=0.05");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PackagedService service =
        new PackagedService(process, URI.create("http://127.0.0.1:" + port), apiKey);
    service.awaitReady(log.toFile());
    return service;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(File log) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    close();
    throw new IllegalStateException(
        "the service was not ready within " + START_TIMEOUT + "; see " + log);
  }

  /**
   * @return the service's base URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * @return the API key the service accepts
   */
  public String apiKey() {
    return apiKey;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
