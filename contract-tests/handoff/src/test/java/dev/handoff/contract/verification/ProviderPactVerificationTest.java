package dev.handoff.contract.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.contract.pact.AcsPactVerification;
import dev.handoff.contract.pact.GraphPactVerification;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.contract.pact.VerificationSettings;
import dev.handoff.emulator.HandoffEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The packaged verification classes, run as a user runs them (one empty subclass each), verify
 * every interaction of both provider pacts against a running emulator given only its URL, over http
 * and over https with the trust in one setting; against a real service (here the emulator behind
 * the real-service settings) they verify what needs nothing live and report the rest skipped with
 * the reason; with nothing set they fail saying what to set.
 */
class ProviderPactVerificationTest {
  // The suites below run only inside these tests, through the JUnit test kit; Surefire leaves
  // classes with this tag out (see the pom), also when a -Dtest pattern would match them.
  static final String FIXTURE = "suite-fixture";

  private static final Map<String, String> SETTINGS = new HashMap<>();
  private static HandoffEmulator emulator;

  @TempDir static Path trust;

  @BeforeAll
  static void start() {
    emulator = HandoffEmulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Events run(Class<?> verification, Map<String, String> settings) {
    SETTINGS.clear();
    SETTINGS.putAll(settings);
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(verification))
        .execute()
        .testEvents();
  }

  private static int interactions(String consumer, String provider) throws IOException {
    try (InputStream in =
        ProviderPactVerificationTest.class
            .getClassLoader()
            .getResourceAsStream(HandoffPacts.resource(consumer, provider))) {
      JsonNode pact = new ObjectMapper().readTree(in);
      return pact.get("interactions").size();
    }
  }

  private static List<String> messages(List<Event> events) {
    return events.stream()
        .map(
            event ->
                event
                    .getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .map(Throwable::getMessage)
                    .orElse(""))
        .collect(Collectors.toList());
  }

  private static void verifiesEverything(Events events, int interactions) {
    assertThat(messages(events.failed().list())).as("failed interactions").isEmpty();
    assertThat(events.aborted().count()).as("skipped interactions").isZero();
    assertThat(events.succeeded().count()).as("verified interactions").isEqualTo(interactions);
  }

  @Test
  @DisplayName(
      "every interaction of the ACS pact is verified against the emulator by its URL alone")
  void verifiesTheWholeAcsPactAgainstTheEmulator() throws IOException {
    verifiesEverything(
        run(
            AcsPactTest.class,
            Map.of(VerificationSettings.EMULATOR_URL, emulator.httpBaseUrl().toString())),
        interactions(HandoffPacts.ACS_CONSUMER, HandoffPacts.ACS_PROVIDER));
  }

  @Test
  @DisplayName(
      "every interaction of the Graph pact is verified against the emulator by its URL alone")
  void verifiesTheWholeGraphPactAgainstTheEmulator() throws IOException {
    verifiesEverything(
        run(
            GraphPactTest.class,
            Map.of(VerificationSettings.EMULATOR_URL, emulator.httpBaseUrl().toString())),
        interactions(HandoffPacts.GRAPH_CONSUMER, HandoffPacts.GRAPH_PROVIDER));
  }

  @Test
  @DisplayName("over https, the emulator's certificate in one setting is all the trust needed")
  void verifiesOverHttpsWithTheTrustInOneSetting() throws IOException {
    Path pem = trust.resolve("handoff-emulator.pem");
    Files.writeString(pem, emulator.trust().certificatePem());
    verifiesEverything(
        run(
            GraphPactTest.class,
            Map.of(
                VerificationSettings.EMULATOR_URL,
                emulator.httpsBaseUrl().toString(),
                VerificationSettings.TLS_TRUST,
                pem.toString())),
        interactions(HandoffPacts.GRAPH_CONSUMER, HandoffPacts.GRAPH_PROVIDER));
  }

  @Test
  @DisplayName(
      "against a real ACS resource, what needs nothing live is verified, the rest skipped with why")
  void verifiesWhatARealAcsResourceAllows() throws IOException {
    Events events =
        run(
            AcsPactTest.class,
            Map.of(AcsPactVerification.CONNECTION_STRING, emulator.acs().httpConnectionString()));
    assertThat(messages(events.failed().list())).isEmpty();
    assertThat(events.succeeded().count()).isEqualTo(3);
    assertThat(events.aborted().count())
        .isEqualTo(interactions(HandoffPacts.ACS_CONSUMER, HandoffPacts.ACS_PROVIDER) - 3);
    assertThat(messages(events.aborted().list()))
        .allMatch(message -> message.contains("is not verified against the real ACS"))
        .allMatch(message -> message.contains("needs a live call"))
        .allMatch(message -> message.contains("set handoff.emulator.url"));
  }

  @Test
  @DisplayName(
      "against Graph itself, what needs nothing live is verified, the rest skipped with why")
  void verifiesWhatGraphItselfAllows() throws IOException {
    Events events =
        run(
            GraphPactTest.class,
            Map.of(
                GraphPactVerification.TENANT_ID, emulator.graph().tenantId(),
                GraphPactVerification.CLIENT_ID, emulator.graph().clientId(),
                GraphPactVerification.CLIENT_SECRET, emulator.graph().clientSecret(),
                GraphPactVerification.TOKEN_ENDPOINT,
                    emulator.graph().httpTokenEndpoint().toString(),
                GraphPactVerification.BASE_URL, emulator.httpBaseUrl().toString()));
    assertThat(messages(events.failed().list())).isEmpty();
    assertThat(events.succeeded().count()).isEqualTo(2);
    assertThat(events.aborted().count())
        .isEqualTo(interactions(HandoffPacts.GRAPH_CONSUMER, HandoffPacts.GRAPH_PROVIDER) - 2);
  }

  @Test
  @DisplayName("with nothing to verify against, the verification fails and says what to set")
  void failsWithNothingToVerifyAgainst() {
    SETTINGS.clear();
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(AcsPactTest.class))
            .execute()
            .allEvents();
    assertThat(messages(events.failed().list()))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("Nothing to verify the ACS pact against")
                    .contains("handoff.emulator.url")
                    .contains("HANDOFF_EMULATOR_URL")
                    .contains(AcsPactVerification.CONNECTION_STRING));
  }

  /** What a user writes for ACS. */
  @Tag(FIXTURE)
  static class AcsPactTest extends AcsPactVerification {
    @Override
    protected VerificationSettings settings() {
      Map<String, String> settings = Map.copyOf(SETTINGS);
      return VerificationSettings.from(settings::get);
    }
  }

  /** What a user writes for Graph. */
  @Tag(FIXTURE)
  static class GraphPactTest extends GraphPactVerification {
    @Override
    protected VerificationSettings settings() {
      Map<String, String> settings = Map.copyOf(SETTINGS);
      return VerificationSettings.from(settings::get);
    }
  }
}
