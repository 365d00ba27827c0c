package dev.handoff.adapter.graph.support;

import dev.handoff.adapter.graph.GraphApiVersion;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Shared builders for tests. */
public final class Fixtures {
  /** The token the test token supplier hands out. */
  public static final String TOKEN = "test-access-token";

  private Fixtures() {}

  /**
   * @param correlation the correlation
   * @return a submit context
   */
  public static SubmitContext context(String correlation) {
    return new SubmitContext(
        OperationId.random(),
        correlation,
        SubmissionToken.create(Instant.parse("2026-01-01T00:00:00Z")));
  }

  /**
   * @return fast options: short timeouts, a recording sleeper
   */
  public static GraphOptions.Builder fastOptions() {
    return GraphOptions.builder()
        .attemptTimeout(Duration.ofSeconds(5))
        .overallTimeout(Duration.ofSeconds(20))
        .sleeper(new RecordingSleeper());
  }

  /**
   * @param baseUrl the emulator's base URL
   * @param version the API version
   * @return an adapter with a fixed token
   */
  public static GraphCallControl control(URI baseUrl, GraphApiVersion version) {
    return control(baseUrl, version, fastOptions().build());
  }

  /**
   * @param baseUrl the emulator's base URL
   * @param version the API version
   * @param options the HTTP options
   * @return an adapter with a fixed token
   */
  public static GraphCallControl control(
      URI baseUrl, GraphApiVersion version, GraphOptions options) {
    return GraphCallControl.builder()
        .tokenSupplier(() -> TOKEN)
        .baseUrl(baseUrl)
        .apiVersion(version)
        .options(options)
        .build();
  }
}
