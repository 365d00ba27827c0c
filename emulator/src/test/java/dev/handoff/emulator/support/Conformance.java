package dev.handoff.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.json.SwaggerSchemas;

/** Checks what the emulator emits against Microsoft's spec (the contract). */
public final class Conformance {

  private static final SwaggerSchemas SCHEMAS = SwaggerSchemas.acsCallAutomation();

  private Conformance() {}

  /** Asserts that a JSON value conforms to a definition of the ACS 2026-03-12 spec. */
  public static void assertConforms(String definition, JsonNode value) {
    assertThat(SCHEMAS.validate(definition, value)).as(definition + " " + value).isEmpty();
  }

  /**
   * Asserts that an ACS callback event's data conforms to its definition, once the two fields the
   * service adds beyond the spec ({@code version}, {@code publicEventType}) are set aside.
   */
  public static void assertEventConforms(JsonNode event) {
    String type = event.get("type").asText().replace("Microsoft.Communication.", "");
    ObjectNode data = event.get("data").deepCopy();
    assertThat(data.remove("version")).as("data.version").isNotNull();
    assertThat(data.remove("publicEventType").asText()).isEqualTo(event.get("type").asText());
    assertConforms(type, data);
  }
}
