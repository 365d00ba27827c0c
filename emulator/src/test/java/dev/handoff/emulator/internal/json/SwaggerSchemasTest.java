package dev.handoff.emulator.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwaggerSchemasTest {

  private final SwaggerSchemas schemas = SwaggerSchemas.acsCallAutomation();

  private List<Violation> validate(String definition, String json) {
    JsonNode node = Json.parse(json.getBytes(StandardCharsets.UTF_8));
    return schemas.validate(definition, node);
  }

  @Test
  void resolvesEveryDefinitionTheEmulatorValidatesThroughTheCommonFile() {
    for (String definition :
        List.of(
            "TransferToParticipantRequest",
            "AddParticipantRequest",
            "CancelAddParticipantRequest",
            "RedirectCallRequest",
            "CustomCallingContext",
            "CommunicationIdentifierModel",
            "CommunicationErrorResponse")) {
      assertThat(schemas.hasDefinition(definition)).as(definition).isTrue();
    }
    assertThat(
            validate(
                "CommunicationErrorResponse",
                "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}"))
        .isEmpty();
  }

  @Test
  void acceptsTheSdk104TransferBody() {
    assertThat(
            validate(
                "TransferToParticipantRequest",
                "{\"targetParticipant\":{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}},"
                    + "\"operationContext\":\"ctx-1\"}"))
        .isEmpty();
  }

  @Test
  void reportsAMissingRequiredFieldByPath() {
    assertThat(validate("TransferToParticipantRequest", "{\"operationContext\":\"x\"}"))
        .containsExactly(new Violation("targetParticipant", "is required"));
    assertThat(
            validate(
                "TransferToParticipantRequest", "{\"targetParticipant\":{\"phoneNumber\":{}}}"))
        .containsExactly(new Violation("targetParticipant.phoneNumber.value", "is required"));
  }

  @Test
  void refusesUnknownFieldsWhereTheSpecSaysAdditionalPropertiesFalse() {
    assertThat(
            validate(
                "RedirectCallRequest",
                "{\"incomingCallContext\":\"c\",\"target\":{\"rawId\":\"8:acs:x\"},\"targets\":[]}"))
        .containsExactly(new Violation("targets", "is not a known field of this request"));
  }

  @Test
  void checksEnumsBoundsFormatsAndTypes() {
    assertThat(
            validate(
                "AddParticipantRequest",
                "{\"participantToAdd\":{\"kind\":\"robot\",\"rawId\":\"x\"}}"))
        .extracting(Violation::path)
        .containsExactly("participantToAdd.kind");
    assertThat(
            validate(
                "AddParticipantRequest",
                "{\"participantToAdd\":{\"rawId\":\"8:acs:x\"},\"invitationTimeoutInSeconds\":181}"))
        .containsExactly(
            new Violation("invitationTimeoutInSeconds", "must be at most 180 but was 181"));
    assertThat(
            validate(
                "AddParticipantRequest",
                "{\"participantToAdd\":{\"rawId\":\"8:acs:x\"},\"invitationTimeoutInSeconds\":-1}"))
        .containsExactly(
            new Violation("invitationTimeoutInSeconds", "must be at least 0 but was -1"));
    assertThat(
            validate(
                "AddParticipantRequest",
                "{\"participantToAdd\":{\"rawId\":\"8:acs:x\"},\"invitationTimeoutInSeconds\":30.5}"))
        .containsExactly(new Violation("invitationTimeoutInSeconds", "must be an integer"));
    assertThat(
            validate(
                "AddParticipantRequest",
                "{\"participantToAdd\":{\"rawId\":\"8:acs:x\"},\"invitationTimeoutInSeconds\":4294967296}"))
        .containsExactly(new Violation("invitationTimeoutInSeconds", "must fit a 32-bit integer"));
    assertThat(validate("CancelAddParticipantRequest", "{\"invitationId\":42}"))
        .containsExactly(new Violation("invitationId", "must be a string"));
  }

  @Test
  void validatesStringMapsThroughAdditionalPropertiesSchemas() {
    assertThat(
            validate(
                "TransferToParticipantRequest",
                "{\"targetParticipant\":{\"rawId\":\"8:acs:x\"},\"customCallingContext\":{\"sipHeaders\":{\"X-MS-Custom-a\":1}}}"))
        .containsExactly(
            new Violation("customCallingContext.sipHeaders.X-MS-Custom-a", "must be a string"));
  }

  @Test
  void treatsNullAsAbsent() {
    assertThat(validate("TransferToParticipantRequest", "{\"targetParticipant\":null}"))
        .containsExactly(new Violation("targetParticipant", "is required"));
    assertThat(
            validate(
                "TransferToParticipantRequest",
                "{\"targetParticipant\":{\"rawId\":\"8:acs:x\"},\"operationContext\":null}"))
        .isEmpty();
  }
}
