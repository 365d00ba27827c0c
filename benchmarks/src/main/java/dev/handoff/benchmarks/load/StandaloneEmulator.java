package dev.handoff.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.benchmarks.process.Apps;
import dev.handoff.benchmarks.process.ChildJvm;
import dev.handoff.benchmarks.process.FreePort;
import dev.handoff.benchmarks.process.Readiness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator as a JVM of its own ({@code emulator/target/handoff-emulator*-standalone.jar}),
 * playing an ACS resource for a service configured as a real ACS deployment, so that the service's
 * CPU time excludes the emulator's. Calls are created through its HTTP control API.
 */
public final class StandaloneEmulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ChildJvm process;
  private final URI base;
  private final HttpClient http;
  private final Apps.AcsResource acs;

  private StandaloneEmulator(ChildJvm process, URI base, HttpClient http, Apps.AcsResource acs) {
    this.process = process;
    this.base = base;
    this.http = http;
    this.acs = acs;
  }

  /**
   * Starts it on a free loopback port and reads what a service needs from {@code /_emulator/info}.
   *
   * @param apps where the jar is
   * @param jvmOptions its JVM options
   * @param timeScale its time scale (ring time 1 s × scale)
   * @param log its log
   * @return the running emulator
   * @throws IOException when it does not start
   * @throws InterruptedException when interrupted
   */
  public static StandaloneEmulator start(
      Apps apps, List<String> jvmOptions, double timeScale, Path log)
      throws IOException, InterruptedException {
    int port = FreePort.pick();
    List<String> arguments =
        List.of(
            "--port",
            Integer.toString(port),
            "--https-port",
            "0",
            "--time-scale",
            String.format(Locale.ROOT, "%s", timeScale));
    ChildJvm child = ChildJvm.start(apps.emulatorJar(), jvmOptions, Map.of(), arguments, log);
    try {
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      Readiness.await(child, base.resolve("_emulator/info"), Duration.ofMinutes(2));
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> info =
          http.send(
              HttpRequest.newBuilder(base.resolve("_emulator/info"))
                  .timeout(REQUEST_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode tree = JSON.readTree(info.body());
      Apps.AcsResource acs =
          new Apps.AcsResource(
              tree.path("acsHttpConnectionString").asText(),
              tree.path("acs").path("resourceId").asText(),
              tree.path("acs").path("httpOpenIdConfiguration").asText());
      return new StandaloneEmulator(child, base, http, acs);
    } catch (IOException | InterruptedException | RuntimeException e) {
      child.close();
      throw e;
    }
  }

  /**
   * @return the ACS resource it plays, as the service is configured with it
   */
  public Apps.AcsResource acs() {
    return acs;
  }

  /**
   * @return its process
   */
  public ChildJvm process() {
    return process;
  }

  /**
   * Creates connected 1:1 calls whose events go where the service says, as an application that
   * answers a call with the URI of {@code GET /v1/calls/{callId}/callback-uri} would.
   *
   * @param service the service
   * @param clients how many at a time
   * @param count how many
   * @return their call connection ids
   * @throws IOException when one cannot be created
   * @throws InterruptedException when interrupted
   */
  public List<String> createCalls(ServiceClient service, int clients, int count)
      throws IOException, InterruptedException {
    String[] ids = new String[count];
    String prefix = "load-" + Long.toHexString(System.nanoTime()) + "-";
    Phase.Result created =
        Phase.run(
            clients,
            count,
            i -> {
              long start = System.nanoTime();
              String id = prefix + i;
              ids[i] = createCall(id, service.callbackUri(id));
              return new Phase.Sample(System.nanoTime() - start, -1, "created");
            });
    if (created.errors() > 0) {
      throw new IOException(
          "call creation: " + created.errors() + " failed, e.g. " + created.firstErrors());
    }
    return new ArrayList<>(List.of(ids));
  }

  private String createCall(String id, String callbackUri)
      throws IOException, InterruptedException {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("callbackUri", callbackUri);
    spec.putArray("participants").add("4:+14255550100");
    spec.put("callConnectionId", id);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("_emulator/acs/calls"))
                .header("Content-Type", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(spec)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException(
          "POST /_emulator/acs/calls answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("callConnectionId").asText(id);
  }

  @Override
  public void close() {
    process.close();
  }
}
