package dev.handoff.app.testing;

import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts an emulator and configures the service to use it as Microsoft Graph: token endpoint, calls
 * API, notification keys, and this service's callback URL.
 */
public class GraphEmulatorResource implements QuarkusTestResourceLifecycleManager {
  /** The app (bot) id the service authenticates as and notifications are addressed to. */
  public static final String BOT = "5b1c7e2a-9d3f-4c8b-a6e1-2f4d8c9b0a17";

  private static volatile HandoffEmulator emulator;
  private static volatile int servicePort;

  /**
   * @return the running emulator
   */
  public static HandoffEmulator emulator() {
    return emulator;
  }

  /**
   * @return this service's Graph callback URL
   */
  public static String callbackUrl() {
    return "http://127.0.0.1:" + servicePort + "/callbacks/graph";
  }

  /**
   * Creates a call whose notifications go to the callback URI this service binds to it, as a bot
   * that answers a call with it does.
   *
   * @param spec the call, its callback URI ignored
   * @return the call
   */
  public static GraphCall boundCall(GraphCallSpec spec) {
    String id = java.util.UUID.randomUUID().toString();
    String bound =
        Api.client()
            .get("/v1/calls/{call}/callback-uri", id)
            .then()
            .statusCode(200)
            .extract()
            .path("callbackUri");
    return emulator()
        .control()
        .createGraphCall(
            new GraphCallSpec(bound, spec.participants(), spec.group()).withCallId(id));
  }

  @Override
  public Map<String, String> start() {
    servicePort = freePort();
    emulator =
        HandoffEmulator.builder()
            .bindAddress("127.0.0.1")
            .graphApp(BOT, "graph-test-secret")
            .graphBotAppId(BOT)
            .timeScale(0.05)
            .build()
            .start();
    GraphEndpoints graph = emulator.graph();
    return Map.ofEntries(
        Map.entry("handoff.provider", "graph"),
        Map.entry("quarkus.http.test-port", Integer.toString(servicePort)),
        Map.entry("handoff.callback-base-url", "http://127.0.0.1:" + servicePort + "/"),
        Map.entry("handoff.graph.tenant-id", graph.tenantId()),
        Map.entry("handoff.graph.client-id", graph.clientId()),
        Map.entry("handoff.graph.client-secret", graph.clientSecret()),
        Map.entry("handoff.graph.token-endpoint", graph.httpTokenEndpoint().toString()),
        Map.entry("handoff.graph.base-url", graph.httpBaseUrl().toString()),
        Map.entry(
            "handoff.graph.openid-configuration-url", graph.httpOpenIdConfiguration().toString()),
        Map.entry("handoff.graph.issuers", graph.callbackIssuer()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
