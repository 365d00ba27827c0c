package dev.handoff.adapter.acs.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.Json;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.event.UnrecognizedEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.SipDiagnostic;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Realistic deliveries: the 2025/2026 shape recorded from the service (CloudEvents array, {@code
 * version} and {@code publicEventType} in data, 7 fractional digits), the 2022 shape, and Event
 * Grid deliveries.
 */
class AcsEventParserTest {
  private static final Instant PARSED_AT = Instant.parse("2026-03-20T12:00:00Z");
  private static final AcsEventParser PARSER =
      AcsEventParser.create(Clock.fixed(PARSED_AT, ZoneOffset.UTC));
  private static final String CALL = "64006580-0abd-4d7b-8f3b-0d933a3cc13d";
  private static final String AGENT =
      "8:acs:6d889502-3d7a-41a8-befa-d21fd80e8767_00000028-9c16-4553-2047-04bd45609f2a";

  private static List<ProviderEvent> events(String body) {
    return ((AcsDelivery.Events) PARSER.parse(body)).events();
  }

  @Test
  void transferAcceptedCompletesTheTransferAndTheLegDisconnects() {
    List<ProviderEvent> events =
        events(
            """
            [{"id":"a3a9d8e4-7c1f-4c65-9d1e-6a9e6b0f1a01","source":"calling/callConnections/%1$s",
              "type":"Microsoft.Communication.CallTransferAccepted",
              "data":{"transferTarget":{"rawId":"4:+14255550123","kind":"phoneNumber","phoneNumber":{"value":"+14255550123"}},
                      "transferee":{"rawId":"4:+14255550100","kind":"phoneNumber","phoneNumber":{"value":"+14255550100"}},
                      "operationContext":"xfer-42",
                      "resultInformation":{"code":200,"subCode":7015,"message":"The transfer operation completed successfully."},
                      "version":"2026-03-12","callConnectionId":"%1$s","serverCallId":"server-1",
                      "correlationId":"85e0530d-73ef-4534-845a-329942d9b7b5",
                      "publicEventType":"Microsoft.Communication.CallTransferAccepted"},
              "time":"2026-03-20T10:00:00.1234567+00:00","specversion":"1.0",
              "datacontenttype":"application/json","subject":"calling/callConnections/%1$s"},
             {"id":"a3a9d8e4-7c1f-4c65-9d1e-6a9e6b0f1a02","source":"calling/callConnections/%1$s",
              "type":"Microsoft.Communication.CallDisconnected",
              "data":{"version":"2026-03-12",
                      "resultInformation":{"code":200,"subCode":7000,"message":"Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@"},
                      "callConnectionId":"%1$s","serverCallId":"server-1",
                      "correlationId":"85e0530d-73ef-4534-845a-329942d9b7b5",
                      "publicEventType":"Microsoft.Communication.CallDisconnected"},
              "time":"2026-03-20T10:00:01.5000000+00:00","specversion":"1.0",
              "datacontenttype":"application/json","subject":"calling/callConnections/%1$s"}]
            """
                .formatted(CALL));

    assertThat(events).hasSize(2);
    OperationUpdate accepted = (OperationUpdate) events.get(0);
    assertThat(accepted.meta().provider().value()).isEqualTo("acs");
    assertThat(accepted.meta().eventId()).isEqualTo("a3a9d8e4-7c1f-4c65-9d1e-6a9e6b0f1a01");
    assertThat(accepted.meta().type()).isEqualTo("Microsoft.Communication.CallTransferAccepted");
    assertThat(accepted.meta().occurredAt())
        .isEqualTo(Instant.parse("2026-03-20T10:00:00.1234567Z"));
    assertThat(accepted.callId()).isEqualTo(CALL);
    assertThat(accepted.scope()).isEqualTo(OperationKind.TRANSFER);
    assertThat(accepted.progress()).isEqualTo(Progress.COMPLETED);
    assertThat(accepted.correlation()).contains("xfer-42");
    assertThat(accepted.participant()).contains(PhoneNumber.of("+14255550123"));
    assertThat(accepted.failure()).isEmpty();
    assertThat(accepted.evidence().code()).contains("200");
    assertThat(accepted.evidence().subCode()).contains("7015");
    assertThat(accepted.evidence().message())
        .contains("The transfer operation completed successfully.");
    assertThat(accepted.evidence().references())
        .containsEntry("transferTarget", "4:+14255550123")
        .containsEntry("transferee", "4:+14255550100")
        .containsEntry("correlationId", "85e0530d-73ef-4534-845a-329942d9b7b5")
        .containsEntry("serverCallId", "server-1");
    CallLifecycleEvent disconnected = (CallLifecycleEvent) events.get(1);
    assertThat(disconnected.change()).isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
    assertThat(disconnected.callId()).isEqualTo(CALL);
    assertThat(disconnected.evidence().subCode()).contains("7000");
  }

  @Test
  void transferFailedCarriesTheFailureAndEveryDiagnostic() {
    OperationUpdate failed =
        (OperationUpdate)
            events(
                    """
                    [{"id":"e-1","source":"calling/callConnections/%s","type":"Microsoft.Communication.CallTransferFailed",
                      "data":{"operationContext":"xfer-42","callConnectionId":"%1$s","serverCallId":"server-1","correlationId":"c-1",
                              "resultInformation":{"code":603,"subCode":8538,
                                "message":"transfer failed for participant 4:+14255550123. Underlying reason: Call declined by the callee. DiagCode: 603#8538.@",
                                "sipDetails":{"code":603,"message":"Decline"},"q850Details":{"code":21,"message":"Call rejected"}}},
                      "time":"2026-03-20T10:00:00.0000000+00:00","specversion":"1.0"}]
                    """
                        .formatted(CALL))
                .get(0);

    assertThat(failed.progress()).isEqualTo(Progress.FAILED);
    Failure failure = failed.failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(FailureReason.DECLINED);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message()).contains("Call declined by the callee");
    assertThat(failure.evidence().code()).contains("603");
    assertThat(failure.evidence().subCode()).contains("8538");
    assertThat(failure.evidence().sip()).contains(new SipDiagnostic(603, Optional.of("Decline")));
    assertThat(failure.evidence().q850())
        .contains(new SipDiagnostic(21, Optional.of("Call rejected")));
    assertThat(failed.evidence()).isEqualTo(failure.evidence());
  }

  @Test
  void addParticipantSucceededAndTheRosterUpdate() {
    List<ProviderEvent> events =
        events(
            """
            [{"id":"e-1","source":"calling/callConnections/%1$s","type":"Microsoft.Communication.AddParticipantSucceeded",
              "data":{"participant":{"rawId":"%2$s","kind":"communicationUser","communicationUser":{"id":"%2$s"}},
                      "operationContext":"add-1","resultInformation":{"code":200,"subCode":0,"message":""},
                      "version":"2025-06-15","callConnectionId":"%1$s","serverCallId":"s","correlationId":"c",
                      "publicEventType":"Microsoft.Communication.AddParticipantSucceeded"},
              "time":"2025-07-12T01:16:41.4383982+00:00","specversion":"1.0","datacontenttype":"application/json",
              "subject":"calling/callConnections/%1$s"},
             {"id":"e-2","source":"calling/callConnections/%1$s","type":"Microsoft.Communication.ParticipantsUpdated",
              "data":{"participants":[
                        {"identifier":{"rawId":"4:+14255550100","kind":"phoneNumber","phoneNumber":{"value":"+14255550100"}},"isMuted":false,"isOnHold":false},
                        {"identifier":{"rawId":"%2$s","kind":"communicationUser","communicationUser":{"id":"%2$s"}},"isMuted":false,"isOnHold":false}],
                      "sequenceNumber":3,"resultInformation":{"code":200,"subCode":0,"message":""},"version":"2025-06-15",
                      "callConnectionId":"%1$s","serverCallId":"s","correlationId":"c",
                      "publicEventType":"Microsoft.Communication.ParticipantsUpdated"},
              "time":"2025-07-12T01:16:43.1410872+00:00","specversion":"1.0","datacontenttype":"application/json",
              "subject":"calling/callConnections/%1$s"}]
            """
                .formatted(CALL, AGENT));

    OperationUpdate added = (OperationUpdate) events.get(0);
    assertThat(added.scope()).isEqualTo(OperationKind.ADD_PARTICIPANT);
    assertThat(added.progress()).isEqualTo(Progress.COMPLETED);
    assertThat(added.participant()).contains(AcsUser.of(AGENT));
    assertThat(added.correlation()).contains("add-1");
    assertThat(added.evidence().message()).isEmpty();
    CallLifecycleEvent roster = (CallLifecycleEvent) events.get(1);
    assertThat(roster.change()).isEqualTo(CallLifecycleEvent.Change.PARTICIPANTS_UPDATED);
    assertThat(roster.participants())
        .containsExactly(PhoneNumber.of("+14255550100"), AcsUser.of(AGENT));
    assertThat(roster.evidence().references()).containsEntry("sequenceNumber", "3");
  }

  @Test
  void addParticipantFailedIsAFailureOrACancellation() {
    String template =
        """
        {"id":"%s","source":"calling/callConnections/%s","type":"Microsoft.Communication.AddParticipantFailed",
         "data":{"participant":{"rawId":"4:+14255550199","kind":"phoneNumber","phoneNumber":{"value":"+14255550199"}},
                 "operationContext":"add-1","callConnectionId":"%2$s",
                 "resultInformation":{"code":%s,"subCode":%s,"message":"%s"}},
         "time":"2026-03-20T10:00:00+00:00","specversion":"1.0"}
        """;
    List<ProviderEvent> events =
        events(
            "["
                + template.formatted(
                    "e-1", CALL, 408, 0, "addParticipants failed. Underlying reason: no answer.")
                + ","
                + template.formatted(
                    "e-2", CALL, 487, 5234, "The Call Has Been Cancelled. DiagCode: 487#5234.@")
                + "]");

    OperationUpdate noAnswer = (OperationUpdate) events.get(0);
    assertThat(noAnswer.progress()).isEqualTo(Progress.FAILED);
    assertThat(noAnswer.failure().orElseThrow().reason()).isEqualTo(FailureReason.NO_ANSWER);
    assertThat(noAnswer.failure().orElseThrow().retryable()).isTrue();
    assertThat(noAnswer.participant()).contains(PhoneNumber.of("+14255550199"));
    OperationUpdate cancelled = (OperationUpdate) events.get(1);
    assertThat(cancelled.progress()).isEqualTo(Progress.CANCELLED);
    assertThat(cancelled.failure().orElseThrow().reason()).isEqualTo(FailureReason.CANCELLED);
  }

  /** The CancelAddParticipantSucceeded recorded from the service (2025): its code is 487/5234. */
  @Test
  void cancelAddParticipantSucceededAsRecorded() {
    OperationUpdate cancelled =
        (OperationUpdate)
            events(
                    """
                    [{"id":"REDACTED","source":"calling/callConnections/%1$s","type":"Microsoft.Communication.CancelAddParticipantSucceeded",
                      "data":{"invitationId":"8737c343-bc96-4b06-b9da-9e647edc7690","version":"2025-06-15",
                              "resultInformation":{"code":487,"subCode":5234,"message":"addParticipants failed for participant %2$s. Underlying reason: The Call Has Been Cancelled. DiagCode: 487#5234.@"},
                              "callConnectionId":"%1$s","serverCallId":"REDACTED","correlationId":"85e0530d-73ef-4534-845a-329942d9b7b5",
                              "publicEventType":"Microsoft.Communication.CancelAddParticipantSucceeded"},
                      "time":"2025-07-12T01:16:45.2254194\\u002B00:00","specversion":"1.0","datacontenttype":"application/json",
                      "subject":"calling/callConnections/%1$s"}]
                    """
                        .formatted(CALL, AGENT))
                .get(0);

    assertThat(cancelled.scope()).isEqualTo(OperationKind.CANCEL_ADD_PARTICIPANT);
    assertThat(cancelled.progress()).isEqualTo(Progress.COMPLETED);
    assertThat(cancelled.invitationId()).contains("8737c343-bc96-4b06-b9da-9e647edc7690");
    assertThat(cancelled.correlation()).isEmpty();
    assertThat(cancelled.failure()).isEmpty();
    assertThat(cancelled.evidence().code()).contains("487");
  }

  @Test
  void cancelAddParticipantFailed() {
    OperationUpdate failed =
        (OperationUpdate)
            events(
                    """
                    {"id":"e-9","source":"calling/callConnections/%s","type":"Microsoft.Communication.CancelAddParticipantFailed",
                     "data":{"invitationId":"inv-1","operationContext":"cancel-1","callConnectionId":"%1$s",
                             "resultInformation":{"code":404,"subCode":8522,"message":"Invitation not found."}},
                     "specversion":"1.0"}
                    """
                        .formatted(CALL))
                .get(0);

    assertThat(failed.scope()).isEqualTo(OperationKind.CANCEL_ADD_PARTICIPANT);
    assertThat(failed.progress()).isEqualTo(Progress.FAILED);
    assertThat(failed.invitationId()).contains("inv-1");
    assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(failed.meta().occurredAt()).as("no time: the time of parsing").isEqualTo(PARSED_AT);
  }

  /** The 2022 shape (Azure SDK parser fixtures): event name in source, type in data. */
  @Test
  void toleratesThe2022ShapeAndTypesWithoutPrefix() {
    List<ProviderEvent> events =
        events(
            """
            [{"id":"46116fb7-27e0-4a99-9478-a659c8fd4815","source":"calling/callConnections/401f3500-62bd-46a9-8c09-9e1b06caca01/CallConnected",
              "type":"CallConnected","data":{"type":"callConnected","correlationId":"ebd8bf1f-0794-494f-bdda-913042c06ef7"},
              "time":"2022-08-12T03:35:07.8174402+00:00","specversion":"1.0","datacontenttype":"application/json",
              "subject":"calling/callConnections/401f3500-62bd-46a9-8c09-9e1b06caca01/CallConnected"},
             {"id":"61069ef9-5ca9-457f-ac36-e2bb5e8400ca","source":"calling/callConnections/401f3500-62bd-46a9-8c09-9e1b06caca01/ParticipantsUpdated",
              "type":"participantsUpdated",
              "data":{"participants":[{"identifier":{"rawId":"8:acs:816df1ca-971b-44d7-b8b1-8fba90748500_00000013-2ff6-dd51-54b7-a43a0d001998",
                                        "communicationUser":{"id":"8:acs:816df1ca-971b-44d7-b8b1-8fba90748500_00000013-2ff6-dd51-54b7-a43a0d001998"}}, "isMuted": false},
                                      {"identifier":{"rawId":"8:orgid:aad-oid"}, "isMuted": false}],
                      "type":"participantsUpdated","callConnectionId":"401f3500-62bd-46a9-8c09-9e1b06caca01",
                      "correlationId":"ebd8bf1f-0794-494f-bdda-913042c06ef7"},
              "time":"2022-08-12T03:35:07.9129474+00:00","specversion":"1.0","datacontenttype":"application/json"}]
            """);

    CallLifecycleEvent connected = (CallLifecycleEvent) events.get(0);
    assertThat(connected.change()).isEqualTo(CallLifecycleEvent.Change.CONNECTED);
    assertThat(connected.callId()).isEqualTo("401f3500-62bd-46a9-8c09-9e1b06caca01");
    assertThat(connected.meta().type()).isEqualTo("CallConnected");
    CallLifecycleEvent roster = (CallLifecycleEvent) events.get(1);
    assertThat(roster.change()).isEqualTo(CallLifecycleEvent.Change.PARTICIPANTS_UPDATED);
    assertThat(roster.participants())
        .containsExactly(
            AcsUser.of(
                "8:acs:816df1ca-971b-44d7-b8b1-8fba90748500_00000013-2ff6-dd51-54b7-a43a0d001998"),
            TeamsUser.of("aad-oid"));
  }

  @Test
  void reportsUnknownTypesWithoutBreakingTheBatch() {
    List<ProviderEvent> events =
        events(
            """
            [{"id":"p-1","source":"calling/callConnections/%1$s","type":"Microsoft.Communication.RecognizeCompleted",
              "data":{"resultInformation":{"code":200,"subCode":0,"message":"Action completed successfully."},
                      "callConnectionId":"%1$s","operationContext":"play-1"},"specversion":"1.0"},
             {"id":"r-1","source":"calling/callConnections/%1$s","type":"Microsoft.Communication.RecordingStateChanged",
              "data":{"participant":{"rawId":"4:+14255550100"}},"specversion":"1.0"},
             {"id":"c-1","source":"calling/callConnections/%1$s","type":"Microsoft.Communication.CallConnected",
              "data":{"callConnectionId":"%1$s"},"specversion":"1.0"}]
            """
                .formatted(CALL));

    assertThat(events).hasSize(3);
    UnrecognizedEvent play = (UnrecognizedEvent) events.get(0);
    assertThat(play.callId()).contains(CALL);
    assertThat(play.meta().type()).isEqualTo("Microsoft.Communication.RecognizeCompleted");
    assertThat(Json.tree(play.raw()).at("/data/operationContext").asText()).isEqualTo("play-1");
    UnrecognizedEvent removed = (UnrecognizedEvent) events.get(1);
    assertThat(removed.callId()).as("from the source").contains(CALL);
    assertThat(events.get(2)).isInstanceOf(CallLifecycleEvent.class);
  }

  @Test
  void readsIncomingCallFromAnEventGridDelivery() {
    AcsDelivery delivery =
        PARSER.parse(
            """
            [{"id":"9d4a7a2c-1b5e-4e1f-9c3a-2f8b7e6d5c4b",
              "topic":"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/contoso",
              "subject":"/caller/4:+14255550123/recipient/4:+18005550100",
              "eventType":"Microsoft.Communication.IncomingCall","dataVersion":"1.0","metadataVersion":"1",
              "eventTime":"2026-03-20T10:00:00.0000000Z",
              "data":{"to":{"kind":"phoneNumber","rawId":"4:+18005550100","phoneNumber":{"value":"+18005550100"}},
                      "from":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
                      "serverCallId":"aHR0cHM6Ly9hcGkuZXhhbXBsZS9jYWxsLzE=","callerDisplayName":"",
                      "incomingCallContext":"eyJhbGciOiJub25lIn0.eyJjYyI6IjEifQ.",
                      "correlationId":"d9f1b0a6-0f7e-4c2e-9f3b-2c1a0e9d8c7b",
                      "onBehalfOfCallee":{"kind":"microsoftTeamsApp","rawId":"28:orgid:queue-1","microsoftTeamsApp":{"appId":"queue-1","cloud":"public"}},
                      "customContext":{"sipHeaders":{"user-To-User":"a1b2","X-MS-Custom-caseId":"123"},
                                       "voipHeaders":{"priority":"high"}}}}]
            """);

    IncomingCall call = (IncomingCall) ((AcsDelivery.Events) delivery).events().get(0);
    assertThat(call.meta().type()).isEqualTo("Microsoft.Communication.IncomingCall");
    assertThat(call.meta().eventId()).isEqualTo("9d4a7a2c-1b5e-4e1f-9c3a-2f8b7e6d5c4b");
    assertThat(call.meta().occurredAt()).isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
    assertThat(call.callId()).isEqualTo("aHR0cHM6Ly9hcGkuZXhhbXBsZS9jYWxsLzE=");
    assertThat(call.incomingCallContext()).isEqualTo("eyJhbGciOiJub25lIn0.eyJjYyI6IjEifQ.");
    assertThat(call.from()).isEqualTo(PhoneNumber.of("+14255550123"));
    assertThat(call.to()).isEqualTo(PhoneNumber.of("+18005550100"));
    assertThat(call.callerDisplayName()).isEmpty();
    assertThat(call.sipHeaders())
        .containsExactly(Map.entry("User-To-User", "a1b2"), Map.entry("X-MS-Custom-caseId", "123"));
    assertThat(call.voipHeaders()).containsExactly(Map.entry("priority", "high"));
    assertThat(call.correlationId()).contains("d9f1b0a6-0f7e-4c2e-9f3b-2c1a0e9d8c7b");
    assertThat(call.onBehalfOf()).contains(TeamsApp.bot("queue-1"));
  }

  @Test
  void keepsTheWholeCustomContextOfAnIncomingCallAndTheUuiWhateverItsKey() {
    IncomingCall call =
        (IncomingCall)
            events(
                    """
                    {"id":"ic-2","source":"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/contoso",
                     "subject":"/caller/4:+14255550123/recipient/4:+18005550100","type":"Microsoft.Communication.IncomingCall",
                     "specversion":"1.0","time":"2026-03-20T10:00:00Z",
                     "data":{"to":{"rawId":"4:+18005550100","phoneNumber":{"value":"+18005550100"}},
                             "from":{"rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
                             "serverCallId":"srv-2","incomingCallContext":"ctx-2","correlationId":"corr-2",
                             "customContext":{
                               "sipHeaders":{"userToUser":"a1b2;encoding=hex","X-MS-Custom-caseId":"42"},
                               "voipHeaders":{"crm":"open"},
                               "teamsPhoneCallDetails":{
                                 "teamsPhoneCallerDetails":{
                                   "caller":{"rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},
                                   "name":"Dana","phoneNumber":"+1 425 555 0123","recordId":"crm-7",
                                   "screenPopUrl":"https://crm.example/7","isAuthenticated":true,
                                   "additionalCallerInformation":{"k1":"v","k2":"v","k3":"v","k4":"v","k5":"v","k6":"v",
                                                                  "k7":"v","k8":"v","k9":"v","k10":"v","k11":"v"}},
                                 "teamsPhoneSourceDetails":{
                                   "source":{"rawId":"28:orgid:bot-1","microsoftTeamsApp":{"appId":"bot-1","cloud":"public"}},
                                   "language":"en-US","status":"active",
                                   "intendedTargets":{"billing":{"rawId":"8:orgid:agent-1","microsoftTeamsUser":{"userId":"agent-1","cloud":"public"}}}},
                                 "sessionId":"s-1","intent":"billing","callTopic":"A topic longer than forty-eight characters, as sent",
                                 "callContext":"line one\\nline two","transcriptUrl":"https://t.example/1",
                                 "callSentiment":"calm","suggestedActions":"refund"}}}}
                    """)
                .get(0);

    assertThat(call.userToUser()).contains("a1b2;encoding=hex");
    assertThat(call.sipHeaders())
        .containsExactly(
            Map.entry("User-To-User", "a1b2;encoding=hex"), Map.entry("X-MS-Custom-caseId", "42"));
    assertThat(call.voipHeaders()).containsExactly(Map.entry("crm", "open"));
    TeamsPhoneCallDetails details = call.teamsPhoneCallDetails().orElseThrow();
    assertThat(details.sessionId()).contains("s-1");
    assertThat(details.intent()).contains("billing");
    assertThat(details.callTopic())
        .as("no sending limit applies to what was received")
        .contains("A topic longer than forty-eight characters, as sent");
    assertThat(details.callContext()).contains("line one\nline two");
    assertThat(details.transcriptUrl()).contains(URI.create("https://t.example/1"));
    assertThat(details.callSentiment()).contains("calm");
    assertThat(details.suggestedActions()).contains("refund");
    TeamsPhoneCallerDetails caller = details.callerDetails().orElseThrow();
    assertThat(caller.caller()).isEqualTo(PhoneNumber.of("+14255550123"));
    assertThat(caller.name()).isEqualTo("Dana");
    assertThat(caller.phoneNumber()).isEqualTo("+1 425 555 0123");
    assertThat(caller.recordId()).contains("crm-7");
    assertThat(caller.screenPopUrl()).contains(URI.create("https://crm.example/7"));
    assertThat(caller.authenticated()).contains(true);
    assertThat(caller.additionalCallerInformation()).hasSize(11).containsEntry("k11", "v");
    TeamsPhoneSourceDetails source = details.sourceDetails().orElseThrow();
    assertThat(source.source()).isEqualTo(TeamsApp.bot("bot-1"));
    assertThat(source.language()).isEqualTo("en-US");
    assertThat(source.status()).isEqualTo("active");
    assertThat(source.intendedTargets()).containsEntry("billing", TeamsUser.of("agent-1"));
  }

  @Test
  void anIncomingCallWhoseDetailsLackAPartSaysWhichOne() {
    assertThatThrownBy(
            () ->
                events(
                    """
                    {"id":"ic-3","source":"s","type":"Microsoft.Communication.IncomingCall","specversion":"1.0",
                     "data":{"to":{"rawId":"8:acs:r_bot","communicationUser":{"id":"8:acs:r_bot"}},
                             "from":{"rawId":"8:acs:r_caller","communicationUser":{"id":"8:acs:r_caller"}},
                             "serverCallId":"srv-3","incomingCallContext":"ctx-3",
                             "customContext":{"teamsPhoneCallDetails":{"teamsPhoneCallerDetails":{"name":"Dana","phoneNumber":"+1"}}}}}
                    """))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining(
            "data.customContext.teamsPhoneCallDetails.teamsPhoneCallerDetails.caller: is required");
    assertThatThrownBy(
            () ->
                events(
                    """
                    {"id":"ic-4","source":"s","type":"Microsoft.Communication.IncomingCall","specversion":"1.0",
                     "data":{"to":{"rawId":"8:acs:r_bot","communicationUser":{"id":"8:acs:r_bot"}},
                             "from":{"rawId":"8:acs:r_caller","communicationUser":{"id":"8:acs:r_caller"}},
                             "serverCallId":"srv-4","incomingCallContext":"ctx-4",
                             "customContext":{"sipHeaders":{"userToUser":"a","User-To-User":"b"}}}}
                    """))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("User-To-User information once");
  }

  @Test
  void readsIncomingCallInTheCloudEventsSchema() {
    IncomingCall call =
        (IncomingCall)
            events(
                    """
                    {"id":"ic-1","source":"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/contoso",
                     "subject":"/caller/8:acs:r_caller/recipient/8:acs:r_bot","type":"Microsoft.Communication.IncomingCall",
                     "specversion":"1.0","time":"2026-03-20T10:00:00Z",
                     "data":{"to":{"rawId":"8:acs:r_bot","communicationUser":{"id":"8:acs:r_bot"}},
                             "from":{"rawId":"8:acs:r_caller","communicationUser":{"id":"8:acs:r_caller"}},
                             "serverCallId":"srv-1","callerDisplayName":"Ada","incomingCallContext":"ctx-1","correlationId":"corr-1"}}
                    """)
                .get(0);

    assertThat(call.from()).isEqualTo(AcsUser.of("8:acs:r_caller"));
    assertThat(call.callerDisplayName()).contains("Ada");
    assertThat(call.sipHeaders()).isEmpty();
  }

  @Test
  void answersTheSubscriptionValidationHandshake() {
    AcsDelivery delivery =
        PARSER.parse(
            """
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/contoso",
              "subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6",
                                   "validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/s/validate?id=512d38b6&t=2026-03-20T10:00:00Z"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-03-20T10:00:00.0000000Z",
              "metadataVersion":"1","dataVersion":"2"}]
            """);

    AcsDelivery.SubscriptionValidation validation = (AcsDelivery.SubscriptionValidation) delivery;
    assertThat(validation.validationCode()).isEqualTo("512d38b6-c7b8-40c8-89fe-f46f9e9622b6");
    assertThat(validation.validationUrl().map(URI::getHost))
        .contains("rp-eastus2.eventgrid.azure.net");
    assertThat(Json.tree(validation.responseBody()))
        .isEqualTo(Json.tree("{\"validationResponse\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"}"));
  }

  @Test
  void parsesBytesAndRefusesAHandshakeWhereEventsAreExpected() {
    String handshake =
        "{\"id\":\"v\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
            + "\"eventTime\":\"2026-03-20T10:00:00Z\",\"data\":{\"validationCode\":\"code-1\"}}";

    assertThat(PARSER.parse(handshake.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AcsDelivery.SubscriptionValidation.class);
    assertThatThrownBy(() -> PARSER.parseEvents(handshake))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("subscription validation handshake");
  }

  @Test
  void anEmptyBatchHasNoEvents() {
    assertThat(events("[]")).isEmpty();
  }
}
