package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.Json;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Graph seed ({@code src/test/resources/seeds/graph-call-transfer.md}, a verbatim copy of the
 * docs' {@code call: transfer} page): its five request examples reproduce from the equivalent
 * domain commands, and its twenty notification examples map to the expected events.
 *
 * <p>Before comparing, the seed's requests are corrected to the v1.0 schema: {@code endpointType},
 * {@code languageId} and {@code region} inside {@code transferTarget} and {@code languageId},
 * {@code region}, {@code clientContext} at the top level are in no v1.0 schema and are removed;
 * example 5's stray brace (a trailing comma in this copy) is read leniently and its {@code
 * transferee} must sit at the top level. The examples annotate {@code @odata.type} inconsistently
 * (example 1 not at all, example 2 on every object, example 3 on the phone identity only), and the
 * annotations are optional in requests, so the comparison ignores them; examples 1 and 5, which
 * carry none, must match exactly, and the annotation this adapter does send (the communications
 * identity set around a phone) is asserted on its own.
 */
class SeedExamplesTest {
  private static final Path SEED = Path.of("src/test/resources/seeds/graph-call-transfer.md");
  private static final Pattern REQUEST =
      Pattern.compile(
          "```http\\r?\\nPOST (\\S+)\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n(\\{.*?)\\r?\\n```",
          Pattern.DOTALL);
  private static final Pattern NOTIFICATION =
      Pattern.compile("```json\\r?\\n(\\{.*?)\\r?\\n```", Pattern.DOTALL);
  private static final JsonMapper LENIENT =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  private static final String CALL = "341a0500-d4bf-4224-8b19-1581168d328b";
  private static final TeamsUser HEIDI =
      TeamsUser.of("550fae72-d251-43ec-868c-373732c2704f")
          .withTenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
          .withDisplayName("Heidi Steen");
  private static final String CONSULTATION = "e5d39592-99bd-4db8-bca8-30fb894ec51d";
  private static final PhoneNumber PSTN = PhoneNumber.of("+12345678901");

  private final LocalServer graph = LocalServer.start().reply(Reply.status(202));

  @AfterEach
  void stop() {
    graph.close();
  }

  /** The domain command equivalent to each seed example, in the seed's order. */
  private static List<CallTransfer> commands() {
    return List.of(
        CallTransfer.builder(CALL, HEIDI).build(),
        CallTransfer.builder(CALL, HEIDI).replacing(CONSULTATION).build(),
        CallTransfer.builder(CALL, PSTN).build(),
        CallTransfer.builder(CALL, PSTN).replacing(CONSULTATION).build(),
        CallTransfer.builder(CALL, HEIDI)
            .transferee(
                Transferee.of(
                    TeamsUser.of("751f6800-3180-414d-bd94-333364659951")
                        .withTenantId("72f988bf-86f1-41af-91ab-2d7cd011db47"),
                    "909c6581-5130-43e9-88f3-fcb3582cde37"))
            .build());
  }

  @ParameterizedTest
  @EnumSource(GraphApiVersion.class)
  void theFiveRequestExamplesReproduce(GraphApiVersion version) throws IOException {
    List<String[]> examples = requests();
    assertThat(examples).hasSize(5);
    GraphCallControl control = Fixtures.control(graph.baseUrl(), version);
    List<CallTransfer> commands = commands();

    for (int i = 0; i < examples.size(); i++) {
      control.transfer(commands.get(i), Fixtures.context("c"));
      LocalServer.Recorded sent = graph.requests().get(i);
      JsonNode expected = schemaOnly(LENIENT.readTree(examples.get(i)[1]));
      JsonNode actual = Json.tree(sent.body());

      assertThat(examples.get(i)[0]).endsWith("/transfer");
      assertThat(sent.path())
          .isEqualTo("/" + version.pathSegment() + "/communications/calls/" + CALL + "/transfer");
      assertThat(Json.withoutOdataTypes(actual))
          .as("example %d", i + 1)
          .isEqualTo(Json.withoutOdataTypes(expected));
      if (!examples.get(i)[1].contains("@odata.type")) {
        assertThat(actual).as("example %d, exactly", i + 1).isEqualTo(expected);
      }
      boolean phone = i == 2 || i == 3;
      assertThat(actual.at("/transferTarget/identity/@odata.type").asText())
          .isEqualTo(phone ? "#microsoft.graph.communicationsIdentitySet" : "");
    }
  }

  @Test
  void exampleFiveCarriesTheTransfereeAtTheTopLevel() throws IOException {
    JsonNode five = schemaOnly(LENIENT.readTree(requests().get(4)[1]));
    assertThat(five.has("transferee")).isTrue();
    assertThat(five.get("transferTarget").has("transferee")).isFalse();
    assertThat(five.get("transferee").get("participantId").asText())
        .isEqualTo("909c6581-5130-43e9-88f3-fcb3582cde37");
  }

  @Test
  void theTwentyNotificationExamplesMapToTransferProgress() throws IOException {
    List<String> bodies = notifications();
    assertThat(bodies).hasSize(20);
    GraphNotificationParser parser = GraphNotificationParser.builder().build();

    for (int i = 0; i < bodies.size(); i++) {
      List<ProviderEvent> events = parser.parse(bodies.get(i));
      OperationUpdate update = (OperationUpdate) events.get(0);
      assertThat(update.scope()).as("notification %d", i).isEqualTo(OperationKind.TRANSFER);
      assertThat(update.callId()).isEqualTo(CALL);
      switch (i % 4) {
        case 0:
          assertThat(events).hasSize(1);
          assertThat(update.progress()).isEqualTo(Progress.IN_PROGRESS);
          break;
        case 1:
          assertThat(events).hasSize(1);
          assertThat(update.progress()).isEqualTo(Progress.ACCEPTED);
          break;
        case 2:
          assertThat(update.progress()).isEqualTo(Progress.COMPLETED);
          assertThat(events).hasSize(2);
          assertThat(((CallLifecycleEvent) events.get(1)).change())
              .isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
          break;
        default:
          assertThat(events).hasSize(1);
          assertThat(update.progress()).isEqualTo(Progress.FAILED);
          assertThat(update.failure().orElseThrow().reason()).isEqualTo(FailureReason.UNREACHABLE);
          assertThat(update.failure().orElseThrow().retryable()).isTrue();
          assertThat(update.evidence().code()).hasValue("500");
          assertThat(update.evidence().subCode())
              .hasValueSatisfying(s -> assertThat(s).isIn("7000", "7700"));
      }
    }
  }

  /** The seed with the members that are in no v1.0 schema removed. */
  private static JsonNode schemaOnly(JsonNode example) {
    ObjectNode body = (ObjectNode) example.deepCopy();
    ObjectNode target = (ObjectNode) body.get("transferTarget");
    if (target.has("transferee")) {
      body.set("transferee", target.remove("transferee"));
    }
    target.remove(List.of("endpointType", "languageId", "region"));
    body.remove(List.of("languageId", "region", "clientContext"));
    return body;
  }

  private static List<String[]> requests() throws IOException {
    Matcher m = REQUEST.matcher(seed());
    List<String[]> found = new ArrayList<>();
    while (m.find()) {
      found.add(new String[] {m.group(1), m.group(2)});
    }
    return found;
  }

  private static List<String> notifications() throws IOException {
    Matcher m = NOTIFICATION.matcher(seed());
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String seed() throws IOException {
    return Files.readString(SEED, StandardCharsets.UTF_8);
  }
}
