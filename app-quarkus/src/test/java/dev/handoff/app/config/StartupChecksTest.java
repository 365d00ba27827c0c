package dev.handoff.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class StartupChecksTest {
  private static final String CONNECTION_STRING =
      "endpoint=https://x.communication.azure.com/;accesskey=AA==";

  private static HandoffConfig config(Map<String, String> properties) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(HandoffConfig.class)
            .withConverter(MemorySize.class, 100, new MemorySizeConverter())
            .withSources(new PropertiesConfigSource(properties, "test", 500))
            .build();
    return config.getConfigMapping(HandoffConfig.class);
  }

  private static Map<String, String> acs(String... more) {
    Map<String, String> properties = new HashMap<>();
    properties.put("handoff.api.keys", "k1");
    properties.put("handoff.provider", "acs");
    properties.put("handoff.acs.connection-string", CONNECTION_STRING);
    properties.put("handoff.acs.resource-id", "resource");
    properties.put("handoff.callback-base-url", "https://handoff.example.com/");
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], more[i + 1]);
    }
    return properties;
  }

  @Test
  void withoutAProviderTheServiceRefusesWithOneLineNamingTheSetting() {
    List<String> problems = StartupChecks.problems(config(Map.of("handoff.api.keys", "k1")));
    assertThat(problems).containsExactly(StartupChecks.NO_PROVIDER);
    String message = new StartupRefusedException(problems).getMessage();
    assertThat(message)
        .doesNotContain("\n")
        .startsWith("Handoff cannot start: no provider is configured")
        .contains("handoff.provider (HANDOFF_PROVIDER)")
        .contains("acs or graph")
        .contains("emulator");
  }

  @Test
  void authenticationIsOnByDefaultSoAKeyIsRequired() {
    Map<String, String> emulator = Map.of("handoff.provider", "emulator");
    assertThat(StartupChecks.problems(config(emulator)))
        .singleElement()
        .asString()
        .contains("handoff.api.auth=api-key but no key is configured")
        .contains("HANDOFF_API_KEYS")
        .contains("demo profile");
    assertThat(
            StartupChecks.problems(
                config(Map.of("handoff.provider", "emulator", "handoff.api.keys", "k1"))))
        .isEmpty();
    assertThat(
            StartupChecks.problems(
                config(Map.of("handoff.provider", "emulator", "handoff.api.auth", "none"))))
        .isEmpty();
    assertThat(
            StartupChecks.problems(
                config(Map.of("handoff.provider", "emulator", "handoff.api.auth", "jwt"))))
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
    assertThat(StartupChecks.problems(config(acs()))).isEmpty();
  }

  @Test
  void secretsShorterThanSixteenCharactersAreRefusedAtStartNotAtTheFirstCallback() {
    List<String> problems =
        StartupChecks.problems(
            config(
                acs(
                    "handoff.acs.callback-auth", "query-secret",
                    "handoff.acs.callback-secret", "short",
                    "handoff.acs.event-grid-secret", "also-short")));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "handoff.acs.callback-secret (HANDOFF_ACS_CALLBACK_SECRET) must be at least 16"
                + " characters; it has 5",
            "handoff.acs.event-grid-secret (HANDOFF_ACS_EVENT_GRID_SECRET) must be at least 16"
                + " characters; it has 10");
    assertThat(
            StartupChecks.problems(
                config(
                    acs(
                        "handoff.acs.callback-auth", "query-secret",
                        "handoff.acs.callback-secret", "0123456789abcdef",
                        "handoff.acs.event-grid-secret", "fedcba9876543210"))))
        .isEmpty();
  }

  @Test
  void theCallbackBindingKeyAndTheReconciliationLimitsAreCheckedAtStart() {
    List<String> problems =
        StartupChecks.problems(
            config(
                acs(
                    "handoff.callbacks.secret", "too-short",
                    "handoff.reconciliation.max-checks", "0",
                    "handoff.reconciliation.recheck-after", "PT0S")));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "handoff.callbacks.secret (HANDOFF_CALLBACKS_SECRET) must be at least 16 characters;"
                + " it has 9",
            "handoff.reconciliation.max-checks (HANDOFF_RECONCILIATION_MAX_CHECKS) must be at"
                + " least 1, not 0",
            "handoff.reconciliation.recheck-after (HANDOFF_RECONCILIATION_RECHECK_AFTER) must be"
                + " a positive duration, not PT0S");
    assertThat(
            StartupChecks.problems(
                config(acs("handoff.callbacks.secret", "0123456789abcdef0123456789abcdef"))))
        .isEmpty();
  }

  @Test
  void aBlankAllowedTenantIsRefused() {
    Map<String, String> graph = new HashMap<>();
    graph.put("handoff.api.keys", "k1");
    graph.put("handoff.provider", "graph");
    graph.put("handoff.graph.tenant-id", "tenant-a");
    graph.put("handoff.graph.client-id", "app");
    graph.put("handoff.graph.client-secret", "secret");
    graph.put("handoff.callback-base-url", "https://handoff.example.com/");
    assertThat(StartupChecks.problems(config(graph))).isEmpty();
    graph.put("handoff.graph.allowed-tenants", "tenant-a,tenant-b");
    assertThat(StartupChecks.problems(config(graph))).isEmpty();
    graph.put("handoff.graph.allowed-tenants", "tenant-a, ");
    assertThat(StartupChecks.problems(config(graph)))
        .singleElement()
        .asString()
        .contains("handoff.graph.allowed-tenants (HANDOFF_GRAPH_ALLOWED_TENANTS)")
        .contains("blank");
  }

  @Test
  void urlsCombinationsAndRangesAreCheckedAndEveryProblemIsListedAtOnce() {
    List<String> problems =
        StartupChecks.problems(
            config(
                acs(
                    "handoff.callback-base-url", "http://handoff.example.com/",
                    "handoff.acs.endpoint", "https://x.communication.azure.com/",
                    "handoff.acs.api-version", "latest",
                    "handoff.retry.max-attempts", "0",
                    "handoff.retry.base-delay", "PT20S",
                    "handoff.deadlines.transfer", "PT0S",
                    "handoff.store.capacity", "0",
                    "handoff.sweep.interval", "often")));
    assertThat(problems)
        .hasSize(8)
        .anySatisfy(p -> assertThat(p).contains("handoff.callback-base-url").contains("https"))
        .anySatisfy(p -> assertThat(p).contains("exactly one of handoff.acs.connection-string"))
        .anySatisfy(p -> assertThat(p).contains("handoff.acs.api-version").contains("latest"))
        .anySatisfy(p -> assertThat(p).contains("handoff.retry.max-attempts").contains("1 to 10"))
        .anySatisfy(
            p -> assertThat(p).contains("base-delay (HANDOFF_RETRY_BASE_DELAY) must not be longer"))
        .anySatisfy(p -> assertThat(p).contains("handoff.deadlines.transfer").contains("positive"))
        .anySatisfy(p -> assertThat(p).contains("handoff.store.capacity"))
        .anySatisfy(p -> assertThat(p).contains("handoff.sweep.interval").contains("often"));
    assertThat(new StartupRefusedException(problems).getMessage())
        .startsWith("Handoff cannot start; fix these 8 settings:\n  - ");
  }

  @Test
  void aMalformedConnectionStringIsNamedWithTheShapeItMustHave() {
    assertThat(
            StartupChecks.problems(
                config(acs("handoff.acs.connection-string", "https://x.communication.azure.com"))))
        .singleElement()
        .asString()
        .contains("handoff.acs.connection-string (HANDOFF_ACS_CONNECTION_STRING) must read")
        .doesNotContain("x.communication.azure.com;");
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
  void unreadableValuesAreNamedWithWhatTheyMustBeAllAtOnce() {
    ConfigValidationException unreadable =
        Assertions.catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                config(
                    Map.of(
                        "handoff.provider", "pigeon",
                        "handoff.retry.max-attempts", "many",
                        "handoff.deadlines.transfer", "soon",
                        "handoff.emulator.time-scale", "fast")));
    String message = StartupFailure.describe(new IllegalStateException("boot", unreadable));
    assertThat(message)
        .startsWith("Handoff cannot start; fix these 4 settings:")
        .contains(
            "handoff.provider (HANDOFF_PROVIDER) must be one of emulator, acs, graph, not"
                + " 'pigeon'")
        .contains("handoff.retry.max-attempts (HANDOFF_RETRY_MAX_ATTEMPTS) must be a whole number")
        .contains("handoff.deadlines.transfer (HANDOFF_DEADLINES_TRANSFER) must be a duration")
        .contains("handoff.emulator.time-scale (HANDOFF_EMULATOR_TIME_SCALE) must be a number")
        .doesNotContain("SRCFG")
        .doesNotContain("\tat ")
        .doesNotContain("java.lang");
  }

  @Test
  void anUnknownEmulatedProviderIsNamedWithTheChoices() {
    ConfigValidationException unreadable =
        Assertions.catchThrowableOfType(
            ConfigValidationException.class,
            () ->
                config(
                    Map.of("handoff.provider", "emulator", "handoff.emulator.provider", "teams")));
    assertThat(StartupFailure.describe(new IllegalStateException("boot", unreadable)))
        .contains(
            "handoff.emulator.provider (HANDOFF_EMULATOR_PROVIDER) must be one of acs, graph, not"
                + " 'teams'");
    assertThat(
            config(Map.of("handoff.provider", "emulator", "handoff.emulator.provider", "graph"))
                .emulator()
                .provider())
        .isEqualTo(HandoffConfig.EmulatedProvider.GRAPH);
  }

  @Test
  void theEmulatorsParticipantPageSizeMustBeAtLeastOne() {
    Map<String, String> emulator =
        Map.of(
            "handoff.provider", "emulator",
            "handoff.api.keys", "k1",
            "handoff.emulator.participant-page-size", "0");

    assertThat(StartupChecks.problems(config(emulator)))
        .containsExactly(
            "handoff.emulator.participant-page-size (HANDOFF_EMULATOR_PARTICIPANT_PAGE_SIZE)"
                + " must be at least 1, not 0");
    assertThat(config(Map.of("handoff.provider", "emulator")).emulator().participantPageSize())
        .isEqualTo(100);
  }

  @Test
  void aRefusalIsDescribedByItsOwnMessageWithoutAStackTrace() {
    StartupRefusedException refused = new StartupRefusedException(List.of("x must be y"));
    assertThat(StartupFailure.describe(new RuntimeException("wrapped", refused)))
        .isEqualTo("Handoff cannot start: x must be y");
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
