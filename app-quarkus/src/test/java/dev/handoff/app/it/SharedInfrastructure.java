package dev.handoff.app.it;

import dev.handoff.emulator.AcsEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What several service instances share in these tests: one PostgreSQL database and one provider
 * (the emulator, standing in for ACS).
 */
final class SharedInfrastructure implements AutoCloseable {
  static final String API_KEY = "it-key";

  /** The secret the Event Grid webhook URL carries to every instance. */
  static final String EVENT_GRID_SECRET = "shared-event-grid-secret-0123456789";

  final EmbeddedPostgres postgres;
  final HandoffEmulator emulator;

  /**
   * @param ringTime how long a transfer target rings before it answers
   */
  SharedInfrastructure(Duration ringTime) throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    emulator =
        HandoffEmulator.builder()
            .bindAddress("127.0.0.1")
            .ringTime(ringTime)
            // The provider keeps offering a callback for longer than any wait in these tests
            // (about 2 minutes), as ACS does for hours: a restart slowed by a busy machine must not
            // outlast the retries.
            .callbackRetry(240, Duration.ofMillis(200), Duration.ofMillis(500))
            .build()
            .start();
  }

  /**
   * @param port the instance's HTTP port
   * @return the configuration of a service instance on ACS (the emulator) with the shared store
   */
  Map<String, String> serviceConfiguration(int port) {
    AcsEndpoints acs = emulator.acs();
    Map<String, String> config = new HashMap<>();
    config.put("handoff.provider", "acs");
    config.put("handoff.acs.connection-string", acs.httpConnectionString());
    config.put("handoff.acs.resource-id", acs.resourceId());
    config.put("handoff.acs.openid-configuration-url", acs.httpOpenIdConfiguration().toString());
    config.put("handoff.callback-base-url", "http://127.0.0.1:" + port + "/");
    config.put("handoff.api.keys", API_KEY);
    config.put("handoff.store.kind", "postgres");
    config.put("handoff.acs.event-grid-secret", EVENT_GRID_SECRET);
    config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
    config.put("quarkus.datasource.username", "postgres");
    config.put("quarkus.datasource.password", "postgres");
    config.put("handoff.sweep.interval", "1s");
    config.put("handoff.sweep.interrupted-after", "PT3S");
    config.put("handoff.retry.attempt-timeout", "PT20S");
    config.put("handoff.retry.overall-timeout", "PT40S");
    return config;
  }

  @Override
  public void close() throws Exception {
    emulator.close();
    postgres.close();
  }
}
