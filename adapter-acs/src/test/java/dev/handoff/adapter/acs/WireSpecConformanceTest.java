package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.AddParticipantRequest;
import dev.handoff.adapter.acs.wire.AddParticipantResponse;
import dev.handoff.adapter.acs.wire.CallActionEventData;
import dev.handoff.adapter.acs.wire.CallAutomationEventData;
import dev.handoff.adapter.acs.wire.CallParticipant;
import dev.handoff.adapter.acs.wire.CancelAddParticipantRequest;
import dev.handoff.adapter.acs.wire.CancelAddParticipantResponse;
import dev.handoff.adapter.acs.wire.CommunicationError;
import dev.handoff.adapter.acs.wire.CommunicationErrorResponse;
import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.CommunicationUserIdentifierModel;
import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.FileSource;
import dev.handoff.adapter.acs.wire.GetParticipantsResponse;
import dev.handoff.adapter.acs.wire.HoldRequest;
import dev.handoff.adapter.acs.wire.IncomingCallEventData;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsAppIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsUserIdentifierModel;
import dev.handoff.adapter.acs.wire.PhoneNumberIdentifierModel;
import dev.handoff.adapter.acs.wire.PlayOptions;
import dev.handoff.adapter.acs.wire.PlayRequest;
import dev.handoff.adapter.acs.wire.PlaySource;
import dev.handoff.adapter.acs.wire.RedirectCallRequest;
import dev.handoff.adapter.acs.wire.RemoveParticipantRequest;
import dev.handoff.adapter.acs.wire.RemoveParticipantResponse;
import dev.handoff.adapter.acs.wire.ResultInformation;
import dev.handoff.adapter.acs.wire.SipDiagnosticInfo;
import dev.handoff.adapter.acs.wire.SsmlSource;
import dev.handoff.adapter.acs.wire.TeamsExtensionUserIdentifierModel;
import dev.handoff.adapter.acs.wire.TeamsPhoneCallDetails;
import dev.handoff.adapter.acs.wire.TeamsPhoneCallerDetails;
import dev.handoff.adapter.acs.wire.TeamsPhoneSourceDetails;
import dev.handoff.adapter.acs.wire.TextSource;
import dev.handoff.adapter.acs.wire.TransferCallResponse;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.adapter.acs.wire.UnholdRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wire type has exactly the properties of its definition in Microsoft's OpenAPI documents
 * (copied verbatim to test resources): nothing missing, nothing invented. The request definitions
 * forbid additional properties, so an invented name would be a 400 from the service.
 */
class WireSpecConformanceTest {
  private static final ObjectMapper MAPPER = AcsJson.mapper();
  private static final JsonNode CALL_AUTOMATION = load("/specs/acs-callautomation-2026-03-12.json");
  private static final JsonNode COMMON = load("/specs/acs-common-2025-06-30.json");

  static Stream<Arguments> definitions() {
    return Stream.of(
        Arguments.of(
            TransferToParticipantRequest.class, new String[] {"TransferToParticipantRequest"}),
        Arguments.of(TransferCallResponse.class, new String[] {"TransferCallResponse"}),
        Arguments.of(AddParticipantRequest.class, new String[] {"AddParticipantRequest"}),
        Arguments.of(AddParticipantResponse.class, new String[] {"AddParticipantResponse"}),
        Arguments.of(CallParticipant.class, new String[] {"CallParticipant"}),
        Arguments.of(
            CancelAddParticipantRequest.class, new String[] {"CancelAddParticipantRequest"}),
        Arguments.of(
            CancelAddParticipantResponse.class, new String[] {"CancelAddParticipantResponse"}),
        Arguments.of(RedirectCallRequest.class, new String[] {"RedirectCallRequest"}),
        Arguments.of(HoldRequest.class, new String[] {"HoldRequest"}),
        Arguments.of(UnholdRequest.class, new String[] {"UnholdRequest"}),
        Arguments.of(PlayRequest.class, new String[] {"PlayRequest"}),
        Arguments.of(PlaySource.class, new String[] {"PlaySource"}),
        Arguments.of(PlayOptions.class, new String[] {"PlayOptions"}),
        Arguments.of(FileSource.class, new String[] {"FileSource"}),
        Arguments.of(TextSource.class, new String[] {"TextSource"}),
        Arguments.of(SsmlSource.class, new String[] {"SsmlSource"}),
        Arguments.of(RemoveParticipantRequest.class, new String[] {"RemoveParticipantRequest"}),
        Arguments.of(RemoveParticipantResponse.class, new String[] {"RemoveParticipantResponse"}),
        Arguments.of(GetParticipantsResponse.class, new String[] {"GetParticipantsResponse"}),
        Arguments.of(
            CallActionEventData.class,
            new String[] {
              "HoldFailed",
              "PlayStarted",
              "PlayCompleted",
              "PlayFailed",
              "PlayCanceled",
              "RemoveParticipantSucceeded",
              "RemoveParticipantFailed"
            }),
        Arguments.of(CustomCallingContext.class, new String[] {"CustomCallingContext"}),
        Arguments.of(TeamsPhoneCallDetails.class, new String[] {"TeamsPhoneCallDetails"}),
        Arguments.of(TeamsPhoneCallerDetails.class, new String[] {"TeamsPhoneCallerDetails"}),
        Arguments.of(TeamsPhoneSourceDetails.class, new String[] {"TeamsPhoneSourceDetails"}),
        Arguments.of(ResultInformation.class, new String[] {"ResultInformation"}),
        Arguments.of(SipDiagnosticInfo.class, new String[] {"SipDiagnosticInfo"}),
        Arguments.of(IncomingCallEventData.class, new String[] {"IncomingCall"}),
        Arguments.of(
            CallAutomationEventData.class,
            new String[] {
              "CallConnected",
              "CallDisconnected",
              "CallTransferAccepted",
              "CallTransferFailed",
              "AddParticipantSucceeded",
              "AddParticipantFailed",
              "CancelAddParticipantSucceeded",
              "CancelAddParticipantFailed",
              "ParticipantsUpdated"
            }),
        Arguments.of(
            CommunicationIdentifierModel.class,
            new String[] {"common:CommunicationIdentifierModel"}),
        Arguments.of(
            CommunicationUserIdentifierModel.class,
            new String[] {"common:CommunicationUserIdentifierModel"}),
        Arguments.of(
            PhoneNumberIdentifierModel.class, new String[] {"common:PhoneNumberIdentifierModel"}),
        Arguments.of(
            MicrosoftTeamsUserIdentifierModel.class,
            new String[] {"common:MicrosoftTeamsUserIdentifierModel"}),
        Arguments.of(
            MicrosoftTeamsAppIdentifierModel.class,
            new String[] {"common:MicrosoftTeamsAppIdentifierModel"}),
        Arguments.of(
            TeamsExtensionUserIdentifierModel.class,
            new String[] {"common:TeamsExtensionUserIdentifierModel"}),
        Arguments.of(
            CommunicationErrorResponse.class, new String[] {"common:CommunicationErrorResponse"}),
        Arguments.of(CommunicationError.class, new String[] {"common:CommunicationError"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitions")
  void wireTypeHasExactlyTheSpecProperties(Class<?> type, String[] definitions) {
    Set<String> specified = new TreeSet<>();
    for (String definition : definitions) {
      JsonNode properties = definition(definition).get("properties");
      for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
        specified.add(names.next());
      }
    }
    Set<String> serialised = new TreeSet<>();
    for (BeanPropertyDefinition property :
        MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type)).findProperties()) {
      serialised.add(property.getName());
    }

    assertThat(serialised).isEqualTo(specified);
  }

  private static JsonNode definition(String name) {
    JsonNode definition =
        name.startsWith("common:")
            ? COMMON.get("definitions").get(name.substring("common:".length()))
            : CALL_AUTOMATION.get("definitions").get(name);
    assertThat(definition).as("definition %s", name).isNotNull();
    return definition;
  }

  private static JsonNode load(String resource) {
    try (InputStream in = WireSpecConformanceTest.class.getResourceAsStream(resource)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
