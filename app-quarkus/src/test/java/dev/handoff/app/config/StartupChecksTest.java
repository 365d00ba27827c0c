package dev.handoff.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

  private static HandoffConfig config(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(HandoffConfig.class)
            .withSources(new PropertiesConfigSource(properties, "test", 500))
            .build();
    return config.getConfigMapping(HandoffConfig.class);
  }

  @Test
  void authenticationIsOnByDefaultSoAKeyIsRequired() {
    assertThat(StartupChecks.problems(config(Map.of())))
        .singleElement()
        .asString()
        .contains("handoff.api.auth=api-key but no key is configured")
        .contains("demo profile");
    assertThat(StartupChecks.problems(config(Map.of("handoff.api.keys", "k1")))).isEmpty();
    assertThat(StartupChecks.problems(config(Map.of("handoff.api.auth", "none")))).isEmpty();
    assertThat(StartupChecks.problems(config(Map.of("handoff.api.auth", "jwt"))))
        .singleElement()
        .asString()
        .contains("handoff.api.jwt.jwks-url");
  }

  @Test
  void acsNeedsCredentialsACallbackUrlAndTheTokenAudience() {
    List<String> problems =
        StartupChecks.problems(
            config(Map.of("handoff.api.auth", "none", "handoff.provider", "acs")));
    assertThat(problems)
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("handoff.acs.connection-string"))
        .anySatisfy(p -> assertThat(p).contains("handoff.callback-base-url"))
        .anySatisfy(p -> assertThat(p).contains("handoff.acs.resource-id"));
    assertThat(
            StartupChecks.problems(
                config(
                    Map.of(
                        "handoff.api.auth", "none",
                        "handoff.provider", "acs",
                        "handoff.acs.connection-string",
                            "endpoint=https://x.communication.azure.com/;accesskey=AA==",
                        "handoff.acs.resource-id", "resource",
                        "handoff.callback-base-url", "https://handoff.example.com/"))))
        .isEmpty();
  }

  @Test
  void graphNeedsItsAppCredentialsAndAKnownVersion() {
    assertThat(
            StartupChecks.problems(
                config(
                    Map.of(
                        "handoff.api.auth", "none",
                        "handoff.provider", "graph",
                        "handoff.graph.api-version", "v2"))))
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).contains("handoff.graph.tenant-id"))
        .anySatisfy(p -> assertThat(p).contains("handoff.graph.client-id"))
        .anySatisfy(p -> assertThat(p).contains("handoff.graph.client-secret"))
        .anySatisfy(p -> assertThat(p).contains("must be v1.0 or beta, not v2"))
        .anySatisfy(p -> assertThat(p).contains("handoff.callback-base-url"));
  }

  @Test
  void secretsNeverShowTheirValue() {
    HandoffConfig config =
        config(
            Map.of(
                "handoff.api.keys",
                "super-secret-key",
                "handoff.acs.connection-string",
                "endpoint=x;accesskey=hunter2"));
    assertThat(config.api().keys().orElseThrow().toString()).doesNotContain("super-secret-key");
    assertThat(config.acs().connectionString().orElseThrow().toString()).isEqualTo("***");
    assertThat(config.acs().connectionString().orElseThrow().reveal()).contains("hunter2");
  }
}
