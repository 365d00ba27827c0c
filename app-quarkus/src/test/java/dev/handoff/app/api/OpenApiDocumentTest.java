package dev.handoff.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.app.api.json.CapabilitiesJson;
import dev.handoff.app.api.json.OperationJson;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the service does, so that a client generator can trust it. */
@QuarkusTest
class OpenApiDocumentTest {
  private static JsonNode document() throws Exception {
    return new ObjectMapper()
        .readTree(
            given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  @Test
  void theApiDeclaresItsSecuritySchemesAndAppliesThemToEveryOperation() throws Exception {
    JsonNode openApi = document();
    JsonNode schemes = openApi.path("components").path("securitySchemes");
    assertThat(schemes.path("apiKey").path("type").asText()).isEqualTo("apiKey");
    assertThat(schemes.path("apiKey").path("in").asText()).isEqualTo("header");
    assertThat(schemes.path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
    assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
    for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/v1/")) {
        continue;
      }
      path.getValue()
          .fields()
          .forEachRemaining(
              operation -> {
                List<String> required = new ArrayList<>();
                operation
                    .getValue()
                    .path("security")
                    .forEach(
                        requirement -> requirement.fieldNames().forEachRemaining(required::add));
                assertThat(required)
                    .as(operation.getKey() + " " + path.getKey())
                    .containsExactly("apiKey", "bearer");
                assertThat(operation.getValue().path("responses").has("401"))
                    .as("401 on " + path.getKey())
                    .isTrue();
                assertThat(
                        operation
                            .getValue()
                            .path("responses")
                            .path("500")
                            .path("content")
                            .has("application/problem+json"))
                    .isTrue();
              });
    }
  }

  @Test
  void realStatusCodesAreDeclared() throws Exception {
    JsonNode paths = document().path("paths");
    assertThat(paths.path("/v1/emulator/calls").path("post").path("responses").has("201")).isTrue();
    assertThat(paths.path("/v1/emulator/calls").path("post").path("responses").has("200"))
        .isFalse();
    assertThat(paths.path("/v1/calls/{callId}/transfers").path("post").path("responses").has("202"))
        .isTrue();
    assertThat(paths.path("/callbacks/graph").path("post").path("responses").has("202")).isTrue();
    assertThat(paths.path("/callbacks/acs").path("post").path("responses").has("200")).isTrue();
  }

  @Test
  void everyParticipantSubtypeCarriesItsKindAsTheDiscriminator() throws Exception {
    JsonNode schemas = document().path("components").path("schemas");
    JsonNode participant = schemas.path("Participant");
    assertThat(participant.path("discriminator").path("propertyName").asText()).isEqualTo("kind");
    Map<String, String> subtypes =
        Map.of(
            "AcsUser", "acsUser",
            "PhoneNumber", "phoneNumber",
            "TeamsUser", "teamsUser",
            "TeamsApp", "teamsApp",
            "TeamsExtensionUser", "teamsExtensionUser",
            "RawParticipant", "raw");
    subtypes.forEach(
        (schema, kind) -> {
          JsonNode subtype = schemas.path(schema);
          assertThat(texts(subtype.path("properties").path("kind").path("enum")))
              .as(schema)
              .containsExactly(kind);
          assertThat(texts(subtype.path("required"))).as(schema).contains("kind");
          assertThat(participant.path("discriminator").path("mapping").path(kind).asText())
              .endsWith("/" + schema);
        });
    assertThat(
            Arrays.stream(ParticipantKind.values())
                .map(CapabilitiesJson::kindName)
                .collect(Collectors.toSet()))
        .isEqualTo(subtypes.values().stream().collect(Collectors.toSet()));
  }

  @Test
  void enumsMatchWhatTheServiceSendsAndTakes() throws Exception {
    JsonNode schemas = document().path("components").path("schemas");
    assertThat(texts(schemas.path("Operation").path("properties").path("state").path("enum")))
        .containsExactlyInAnyOrderElementsOf(names(OperationState.values()));
    assertThat(texts(schemas.path("Operation").path("properties").path("kind").path("enum")))
        .containsExactlyInAnyOrderElementsOf(names(OperationKind.values()));
    assertThat(texts(schemas.path("Failure").path("properties").path("reason").path("enum")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(FailureReason.values())
                .map(OperationJson::reasonName)
                .collect(Collectors.toList()));
    JsonNode capabilities = schemas.path("Capabilities").path("properties");
    assertThat(texts(capabilities.path("addressable").path("items").path("enum")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ParticipantKind.values())
                .map(CapabilitiesJson::kindName)
                .collect(Collectors.toList()));
    assertThat(texts(capabilities.path("features").path("items").path("enum")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Capability.values())
                .map(OperationJson::reasonName)
                .collect(Collectors.toList()));
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
  }
}
