package dev.handoff.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the measured applications are in a Handoff checkout, and how they are started: the service
 * ({@code app-quarkus}, packaged by the reactor) and the baseline Quarkus app ({@code
 * benchmarks/baseline-app}, a separate Maven project built here on first use).
 */
public final class Apps {
  private static final String SERVICE_JAR = "app-quarkus/target/quarkus-app/quarkus-run.jar";
  private static final String BASELINE_POM = "benchmarks/baseline-app/pom.xml";
  private static final String BASELINE_JAR =
      "benchmarks/baseline-app/target/quarkus-app/quarkus-run.jar";
  private static final String EXTENSIONS_POM = "benchmarks/extensions-app/pom.xml";
  private static final String EXTENSIONS_JAR =
      "benchmarks/extensions-app/target/quarkus-app/quarkus-run.jar";

  private final Path repo;

  /**
   * @param repo the root of the checkout (where {@code mvnw} is)
   * @throws IllegalArgumentException when it is not one
   */
  public Apps(Path repo) {
    this.repo = repo.toAbsolutePath().normalize();
    if (!Files.isRegularFile(this.repo.resolve("mvnw"))
        || !Files.isDirectory(this.repo.resolve("app-quarkus"))) {
      throw new IllegalArgumentException(
          "--repo " + this.repo + ": not a Handoff checkout (no mvnw and app-quarkus there)");
    }
  }

  /**
   * @return the checkout's root
   */
  public Path repo() {
    return repo;
  }

  /**
   * @return the packaged service
   * @throws IOException when it has not been packaged
   */
  public Path serviceJar() throws IOException {
    Path jar = repo.resolve(SERVICE_JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          jar + " is missing: package the service first (./mvnw -B -DskipTests package)");
    }
    return jar;
  }

  /**
   * @return the emulator's standalone jar ({@code emulator/target/handoff-emulator*-standalone.jar}
   *     or {@code handoff-emulator.jar})
   * @throws IOException when it has not been packaged
   */
  public Path emulatorJar() throws IOException {
    Path target = repo.resolve("emulator/target");
    if (Files.isRegularFile(target.resolve("handoff-emulator.jar"))) {
      return target.resolve("handoff-emulator.jar");
    }
    if (Files.isDirectory(target)) {
      try (var jars = Files.list(target)) {
        var found =
            jars.filter(
                    jar -> {
                      String name = jar.getFileName().toString();
                      return name.equals("handoff-emulator.jar")
                          || (name.startsWith("handoff-emulator")
                              && name.endsWith("-standalone.jar"));
                    })
                .findFirst();
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new IOException(
        "the emulator's standalone jar is missing in "
            + target
            + ": package it first (./mvnw -B -DskipTests package)");
  }

  /**
   * The baseline app, built with the checkout's Maven wrapper when its jar is missing.
   *
   * @return its runner jar
   * @throws IOException when the build fails
   * @throws InterruptedException when interrupted during the build
   */
  public Path baselineJar() throws IOException, InterruptedException {
    return builtOnDemand("the baseline Quarkus app", BASELINE_POM, BASELINE_JAR, "baseline-app");
  }

  /**
   * The baseline app with every Quarkus extension the service uses and no Handoff code, built when
   * its jar is missing: the floor of the service's start-up.
   *
   * @return its runner jar
   * @throws IOException when the build fails
   * @throws InterruptedException when interrupted during the build
   */
  public Path extensionsJar() throws IOException, InterruptedException {
    return builtOnDemand(
        "the baseline app with the service's extensions",
        EXTENSIONS_POM,
        EXTENSIONS_JAR,
        "extensions-app");
  }

  private Path builtOnDemand(String what, String pom, String runner, String name)
      throws IOException, InterruptedException {
    Path jar = repo.resolve(runner);
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    Path log = repo.resolve("benchmarks/target/" + name + "-build.log");
    Files.createDirectories(log.getParent());
    System.out.println("Building " + what + " (" + pom + "), log " + log);
    Process build =
        new ProcessBuilder(repo.resolve("mvnw").toString(), "-B", "-q", "-f", pom, "package")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!build.waitFor(15, TimeUnit.MINUTES)
        || build.exitValue() != 0
        || !Files.isRegularFile(jar)) {
      build.destroyForcibly();
      throw new IOException(what + " did not build; see " + log);
    }
    return jar;
  }

  /**
   * The service's configuration for a measurement: the embedded emulator as provider on loopback,
   * API-key authentication with the given key, the HTTP port given.
   *
   * @param port the HTTP port
   * @param apiKey the one API key
   * @param timeScale the emulator's time scale (ring time 1 s × scale)
   * @param extra further properties, which win (e.g. {@code handoff.store.kind=postgres})
   * @return the system properties
   */
  public static Map<String, String> serviceProperties(
      int port, String apiKey, double timeScale, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quarkus.http.host", "127.0.0.1");
    properties.put("quarkus.http.port", Integer.toString(port));
    properties.put("handoff.provider", "emulator");
    properties.put("handoff.api.auth", "api-key");
    properties.put("handoff.api.keys", apiKey);
    properties.put("handoff.emulator.time-scale", Double.toString(timeScale));
    properties.putAll(extra);
    return properties;
  }

  /**
   * The service's configuration as a real ACS deployment: {@code handoff.provider=acs} against the
   * given ACS endpoint (here a standalone emulator, but nothing in the service knows that), with
   * callback tokens verified against the given OpenID configuration and callbacks expected at this
   * service's own loopback address.
   *
   * @param port the HTTP port
   * @param apiKey the one API key
   * @param acs the ACS resource the service talks to
   * @param extra further properties, which win (e.g. {@code handoff.store.kind=postgres})
   * @return the system properties
   */
  public static Map<String, String> acsServiceProperties(
      int port, String apiKey, AcsResource acs, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("quarkus.http.host", "127.0.0.1");
    properties.put("quarkus.http.port", Integer.toString(port));
    properties.put("handoff.provider", "acs");
    properties.put("handoff.acs.connection-string", acs.connectionString());
    properties.put("handoff.acs.resource-id", acs.resourceId());
    properties.put("handoff.acs.openid-configuration-url", acs.openIdConfiguration());
    properties.put("handoff.callback-base-url", "http://127.0.0.1:" + port + "/");
    properties.put("handoff.api.auth", "api-key");
    properties.put("handoff.api.keys", apiKey);
    properties.putAll(extra);
    return properties;
  }

  /**
   * What a service needs to know of an ACS resource.
   *
   * @param connectionString {@code endpoint=...;accesskey=...}
   * @param resourceId the resource's immutable id, the audience of its callback tokens
   * @param openIdConfiguration where the keys of its callback tokens are published
   */
  public record AcsResource(
      String connectionString, String resourceId, String openIdConfiguration) {}

  /**
   * @param port the HTTP port
   * @return the baseline app's configuration
   */
  public static Map<String, String> baselineProperties(int port) {
    return Map.of("quarkus.http.host", "127.0.0.1", "quarkus.http.port", Integer.toString(port));
  }

  /**
   * @return a random API key for one run
   */
  public static String randomApiKey() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    StringBuilder key = new StringBuilder("bench-");
    for (byte b : bytes) {
      key.append(String.format("%02x", b));
    }
    return key.toString();
  }
}
