package dev.handoff.benchmarks.soak;

import dev.handoff.benchmarks.process.Apps;
import dev.handoff.benchmarks.process.ChildJvm;
import dev.handoff.benchmarks.process.FreePort;
import dev.handoff.benchmarks.process.Readiness;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a soak runs against: the emulator (in this process, standing in for ACS or Graph), an
 * embedded PostgreSQL when the store is PostgreSQL, and one or two processes of the packaged
 * service, as a deployment runs them.
 */
final class SoakWorld implements AutoCloseable {
  static final String API_KEY = "soak-key";
  static final String BOT = "5b1c7e2a-9d3f-4c8b-a6e1-2f4d8c9b0a17";

  /** One service process. */
  final class Instance {
    final String name;
    final int port;
    final Map<String, String> properties;
    final SoakApi api;
    ChildJvm process;

    Instance(String name, int port, Map<String, String> properties) {
      this.name = name;
      this.port = port;
      this.properties = properties;
      this.api = new SoakApi(URI.create("http://127.0.0.1:" + port + "/"), API_KEY);
    }

    void start() throws IOException, InterruptedException {
      process =
          ChildJvm.start(
              apps.serviceJar(), List.of("-Xmx256m"), properties, logs.resolve(name + ".log"));
      Readiness.await(process, api.base().resolve("/q/health/ready"), Duration.ofSeconds(120));
    }

    void kill() throws InterruptedException {
      process.kill();
    }
  }

  private final SoakSettings settings;
  private final Apps apps;
  private final Path logs;
  final HandoffEmulator emulator;
  private final EmbeddedPostgres postgres;
  final List<Instance> instances = new ArrayList<>();

  SoakWorld(SoakSettings settings, Apps apps, Path logs) throws IOException, InterruptedException {
    this.settings = settings;
    this.apps = apps;
    this.logs = logs;
    this.emulator =
        HandoffEmulator.builder()
            .bindAddress("127.0.0.1")
            .httpPort(0)
            .httpsPort(0)
            .seed(settings.seed())
            .ringTime(settings.ringTime())
            .maxHold(settings.maxHold())
            .callbackRetry(20, Duration.ofMillis(200), Duration.ofSeconds(2))
            .graphApp(BOT, "soak-graph-secret")
            .graphBotAppId(BOT)
            .build()
            .start();
    this.postgres = settings.store().equals("postgres") ? EmbeddedPostgres.builder().start() : null;
    try {
      for (int i = 0; i < settings.instances(); i++) {
        int port = FreePort.pick();
        Instance instance = new Instance("service-" + (char) ('a' + i), port, properties(port));
        instances.add(instance);
        instance.start();
      }
    } catch (IOException | InterruptedException | RuntimeException failed) {
      close();
      throw failed;
    }
  }

  Instance first() {
    return instances.get(0);
  }

  private Map<String, String> properties(int port) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("quarkus.http.host", "127.0.0.1");
    p.put("quarkus.http.port", Integer.toString(port));
    p.put("handoff.api.auth", "api-key");
    p.put("handoff.api.keys", API_KEY);
    p.put("handoff.callback-base-url", "http://127.0.0.1:" + port + "/");
    p.put("handoff.deadlines.transfer", settings.transferDeadline().toString());
    p.put("handoff.sweep.interval", "1s");
    p.put(
        "handoff.sweep.interrupted-after",
        settings.overallTimeout().plus(settings.longLatency()).plusSeconds(1).toString());
    p.put("handoff.retry.attempt-timeout", settings.attemptTimeout().toString());
    p.put("handoff.retry.overall-timeout", settings.overallTimeout().toString());
    p.put("handoff.reconciliation.recheck-after", settings.recheckAfter().toString());
    if (settings.provider().equals("acs")) {
      p.put("handoff.provider", "acs");
      p.put("handoff.acs.connection-string", emulator.acs().httpConnectionString());
      p.put("handoff.acs.resource-id", emulator.acs().resourceId());
      p.put(
          "handoff.acs.openid-configuration-url",
          emulator.acs().httpOpenIdConfiguration().toString());
    } else {
      GraphEndpoints graph = emulator.graph();
      p.put("handoff.provider", "graph");
      p.put("handoff.graph.tenant-id", graph.tenantId());
      p.put("handoff.graph.client-id", graph.clientId());
      p.put("handoff.graph.client-secret", graph.clientSecret());
      p.put("handoff.graph.token-endpoint", graph.httpTokenEndpoint().toString());
      p.put("handoff.graph.base-url", graph.httpBaseUrl().toString());
      p.put("handoff.graph.openid-configuration-url", graph.httpOpenIdConfiguration().toString());
      p.put("handoff.graph.issuers", graph.callbackIssuer());
    }
    if (postgres != null) {
      p.put("handoff.store.kind", "postgres");
      p.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
      p.put("quarkus.datasource.username", "postgres");
      p.put("quarkus.datasource.password", "postgres");
    }
    return p;
  }

  @Override
  public void close() {
    for (Instance instance : instances) {
      if (instance.process != null) {
        instance.process.close();
      }
    }
    emulator.close();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // The embedded server's directory is temporary.
      }
    }
  }
}
