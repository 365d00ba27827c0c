package dev.handoff.app.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service process started from the packaged jar, as a deployment would run it. */
final class ServiceInstance implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String name;
  private final int port;
  private final Map<String, String> properties;
  private final Path log;
  private Process process;

  private ServiceInstance(String name, int port, Map<String, String> properties, Path log) {
    this.name = name;
    this.port = port;
    this.properties = properties;
    this.log = log;
  }

  /**
   * @param name a name for the log file
   * @param port the HTTP port
   * @param properties system properties (the service's configuration)
   * @return the started, ready instance
   */
  static ServiceInstance start(String name, int port, Map<String, String> properties)
      throws Exception {
    Path logs = Path.of(System.getProperty("handoff.it.logs", "target/it-logs"));
    Files.createDirectories(logs);
    ServiceInstance instance =
        new ServiceInstance(name, port, properties, logs.resolve(name + ".log"));
    instance.launch();
    return instance;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() throws Exception {
    String jar = System.getProperty("handoff.service.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("the packaged service is missing: " + jar);
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.port=" + port);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    awaitReady(Duration.ofSeconds(60));
  }

  private void awaitReady(Duration timeout) throws Exception {
    Instant giveUp = Instant.now().plus(timeout);
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(base().resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  /**
   * @return the instance's base URI
   */
  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * @return the file the process writes its output to
   */
  Path log() {
    return log;
  }

  /** Kills the process the hard way (SIGKILL): no shutdown hook, no graceful anything. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Starts the process again, with the same port and configuration. */
  void restart() throws Exception {
    launch();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }
}
