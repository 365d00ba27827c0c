package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.graph.support.MutableClock;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.event.UnrecognizedEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every notification sequence Graph documents for transfer, invite and redirect, and the variations
 * the parser tolerates (several items in a batch, either URL member, sub-code spellings, codes as
 * text).
 */
class GraphNotificationParserTest {
  private static final String CALL = "341a0500-d4bf-4224-8b19-1581168d328b";
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final GraphNotificationParser parser =
      GraphNotificationParser.builder().clock(clock).build();

  /** A batch of items. */
  static String batch(String... items) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":["
        + String.join(",", items)
        + "]}";
  }

  /** One call item. */
  static String callItem(String changeType, String resourceData) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\""
        + changeType
        + "\",\"resourceUrl\":\"/communications/calls/"
        + CALL
        + "\",\"resourceData\":"
        + resourceData
        + "}";
  }

  static String callState(String state) {
    return "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"" + state + "\"}";
  }

  private ProviderEvent single(String body) {
    List<ProviderEvent> events = parser.parse(body);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static OperationUpdate update(
      ProviderEvent event, OperationKind scope, Progress progress) {
    assertThat(event).isInstanceOf(OperationUpdate.class);
    OperationUpdate update = (OperationUpdate) event;
    assertThat(update.scope()).isEqualTo(scope);
    assertThat(update.progress()).isEqualTo(progress);
    assertThat(update.callId()).isEqualTo(CALL);
    assertThat(update.meta().provider().value()).isEqualTo("graph");
    assertThat(update.meta().occurredAt()).isEqualTo(NOW);
    return update;
  }

  // ---- §4.3 transfer sequences -------------------------------------------------------------

  @Test
  void blindTransferSucceeds() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                callItem("updated", callState("transferring")),
                callItem("updated", callState("transferAccepted")),
                callItem(
                    "deleted",
                    "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\",\"resultInfo\":"
                        + "{\"@odata.type\":\"#microsoft.graph.resultInfo\",\"code\":0,\"subcode\":7015,"
                        + "\"message\":\"GracefulTransferCompleted\"}}")));

    assertThat(events).hasSize(4);
    update(events.get(0), OperationKind.TRANSFER, Progress.IN_PROGRESS);
    update(events.get(1), OperationKind.TRANSFER, Progress.ACCEPTED);
    OperationUpdate completed = update(events.get(2), OperationKind.TRANSFER, Progress.COMPLETED);
    assertThat(completed.failure()).isEmpty();
    assertThat(completed.evidence().code()).hasValue("0");
    assertThat(completed.evidence().subCode()).hasValue("7015");
    assertThat(completed.evidence().message()).hasValue("GracefulTransferCompleted");
    CallLifecycleEvent ended = (CallLifecycleEvent) events.get(3);
    assertThat(ended.change()).isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
    assertThat(ended.meta().eventId()).isNotEqualTo(completed.meta().eventId());
    assertThat(events.get(0).meta().type()).isEqualTo("microsoft.graph.call:updated:transferring");
  }

  @Test
  void consultativeTransferSucceedsWithAppTransferred() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                callItem(
                    "deleted",
                    "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\",\"terminationReason\":\"AppTransferred\"}")));

    OperationUpdate completed = update(events.get(0), OperationKind.TRANSFER, Progress.COMPLETED);
    assertThat(completed.evidence().references())
        .containsEntry("terminationReason", "AppTransferred");
    assertThat(((CallLifecycleEvent) events.get(1)).change())
        .isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
  }

  @Test
  void blindTransferFailsBackToEstablished() {
    OperationUpdate failed =
        update(
            single(
                batch(
                    callItem(
                        "updated",
                        "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"established\",\"resultInfo\":"
                            + "{\"code\":500,\"subCode\":7000,\"message\":\"transfer failed\"}}"))),
            OperationKind.TRANSFER,
            Progress.FAILED);

    Failure failure = failed.failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(FailureReason.UNREACHABLE);
    assertThat(failure.retryable()).as("the transferee is still on the call").isTrue();
    assertThat(failure.message()).contains("500/7000").contains("transfer failed");
    assertThat(failure.evidence().code()).hasValue("500");
    assertThat(failure.evidence().subCode()).hasValue("7000");
    assertThat(failed.evidence()).isEqualTo(failure.evidence());
  }

  @Test
  void consultativeTransferFailureKeepsReplacesContext() {
    OperationUpdate failed =
        update(
            single(
                batch(
                    callItem(
                        "updated",
                        "{\"state\":\"established\",\"resultInfo\":{\"code\":500,\"subCode\":7700,"
                            + "\"message\":\"<message>\"},\"replacesContext\":\"ctx-42\"}"))),
            OperationKind.TRANSFER,
            Progress.FAILED);

    assertThat(failed.evidence().subCode()).hasValue("7700");
    assertThat(failed.evidence().references()).containsEntry("replacesContext", "ctx-42");
  }

  @Test
  void establishedWithoutErrorIsConnected() {
    ProviderEvent event =
        single(
            batch(
                callItem("updated", "{\"state\":\"established\",\"resultInfo\":{\"code\":200}}")));

    assertThat(event).isInstanceOf(CallLifecycleEvent.class);
    assertThat(((CallLifecycleEvent) event).change())
        .isEqualTo(CallLifecycleEvent.Change.CONNECTED);
    assertThat(((CallLifecycleEvent) event).callId()).isEqualTo(CALL);
  }

  // ---- invite ------------------------------------------------------------------------------

  static String inviteOperation(String status, String extra) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"deleted\","
        + "\"resourceUrl\":\"/communications/calls/"
        + CALL
        + "/operations/op-17\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\","
        + "\"@odata.id\":\"/communications/calls/"
        + CALL
        + "/operations/op-17\",\"id\":\"op-17\",\"status\":\""
        + status
        + "\",\"clientContext\":\"corr-5\",\"participants\":[{\"@odata.type\":\"#microsoft.graph.invitationParticipantInfo\","
        + "\"endpointType\":null,\"id\":null,\"replacesCallId\":null,\"identity\":{\"@odata.type\":\"#microsoft.graph.identitySet\","
        + "\"user\":{\"@odata.type\":\"#microsoft.graph.identity\",\"id\":\"u-9\",\"tenantId\":\"t-1\","
        + "\"identityProvider\":\"AAD\",\"displayName\":\"Una\"}}}]"
        + extra
        + "}}";
  }

  @Test
  void inviteCompletedCarriesCorrelationInvitationAndInvitee() {
    OperationUpdate completed =
        update(
            single(batch(inviteOperation("completed", ""))),
            OperationKind.ADD_PARTICIPANT,
            Progress.COMPLETED);

    assertThat(completed.correlation()).hasValue("corr-5");
    assertThat(completed.invitationId()).hasValue("op-17");
    assertThat(completed.participant())
        .hasValue(TeamsUser.of("u-9").withTenantId("t-1").withDisplayName("Una"));
    assertThat(completed.failure()).isEmpty();
    assertThat(completed.meta().type())
        .isEqualTo("microsoft.graph.inviteParticipantsOperation:deleted:completed");
  }

  @Test
  void inviteFailedCarriesTheResultAsFailure() {
    OperationUpdate failed =
        update(
            single(
                batch(
                    inviteOperation(
                        "failed",
                        ",\"resultInfo\":{\"code\":412,\"subcode\":9999,\"message\":\"addParticipants failed."
                            + " DiagCode: 412#10073\"}"))),
            OperationKind.ADD_PARTICIPANT,
            Progress.FAILED);

    Failure failure = failed.failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(FailureReason.FORBIDDEN_BY_POLICY);
    assertThat(failure.message()).contains("412/9999").contains("DiagCode: 412#10073");
    assertThat(failed.invitationId()).hasValue("op-17");
    assertThat(failed.evidence().references()).containsEntry("status", "failed");
  }

  @Test
  void inviteFailedWithoutResultStillFails() {
    OperationUpdate failed =
        update(
            single(batch(inviteOperation("Failed", ""))),
            OperationKind.ADD_PARTICIPANT,
            Progress.FAILED);

    assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.UNKNOWN);
  }

  @Test
  void inviteRunningIsInProgressAndAnUntypedOperationWithoutIdIsStillAnInvite() {
    update(
        single(batch(inviteOperation("Running", ""))),
        OperationKind.ADD_PARTICIPANT,
        Progress.IN_PROGRESS);

    OperationUpdate untyped =
        update(
            single(
                batch(
                    "{\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/"
                        + CALL
                        + "/operations/participants\",\"resourceData\":{\"id\":null,\"status\":\"completed\",\"clientContext\":\"corr-6\"}}")),
            OperationKind.ADD_PARTICIPANT,
            Progress.COMPLETED);
    assertThat(untyped.invitationId()).isEmpty();
    assertThat(untyped.correlation()).hasValue("corr-6");
    assertThat(untyped.participant()).isEmpty();
  }

  @Test
  void obsoleteOperationStyleTransferNotificationsAndOtherOperationsAreUnrecognized() {
    String legacy =
        "{\"changeType\":\"deleted\",\"resource\":\"/app/calls/"
            + CALL
            + "/operations/op-1\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.commsOperation\","
            + "\"status\":\"completed\",\"clientContext\":\"x\",\"resultInfo\":{\"code\":\"200\",\"subCode\":\"transferAccepted\"}}}";
    String prompt =
        "{\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/"
            + CALL
            + "/operations/op-2\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.recordOperation\",\"status\":\"completed\"}}";

    List<ProviderEvent> events = parser.parse(batch(legacy, prompt));

    assertThat(events)
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).isInstanceOf(UnrecognizedEvent.class));
    assertThat(((UnrecognizedEvent) events.get(0)).callId()).hasValue(CALL);
    assertThat(((UnrecognizedEvent) events.get(0)).raw()).contains("transferAccepted");
  }

  // ---- roster ------------------------------------------------------------------------------

  @Test
  void rosterArrayBecomesParticipantsUpdated() {
    String roster =
        "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
            + "\"resourceUrl\":\"/communications/calls/"
            + CALL
            + "/participants\",\"resourceData\":["
            + "{\"@odata.type\":\"#microsoft.graph.participant\",\"id\":\"p-1\",\"info\":{\"identity\":"
            + "{\"user\":{\"id\":\"u-1\",\"tenantId\":\"t-1\",\"displayName\":\"Ann\"}}},\"mediaStreams\":[],\"isMuted\":false,\"isInLobby\":false},"
            + "{\"id\":\"p-2\",\"info\":{\"identity\":{\"@odata.type\":\"#microsoft.graph.communicationsIdentitySet\","
            + "\"phone\":{\"id\":\"+14255550100\"}}}},"
            + "{\"id\":\"p-3\",\"info\":{\"identity\":{\"applicationInstance\":{\"id\":\"ra-1\",\"tenantId\":\"t-1\"}}}},"
            + "{\"id\":\"p-4\",\"info\":{\"identity\":{\"application\":{\"id\":\"bot-1\",\"displayName\":\"Bot\"}}}},"
            + "{\"id\":\"p-5\",\"info\":{\"identity\":{\"guest\":{\"id\":\"guest-1\",\"displayName\":\"G\"}}}},"
            + "{\"id\":\"p-6\",\"info\":{\"identity\":{\"encrypted\":{}}}},"
            + "{\"id\":\"p-7\",\"info\":{\"identity\":{\"azureCommunicationServicesUser\":{\"id\":\"8:acs:res_user\"}}}}"
            + "]}";

    CallLifecycleEvent event = (CallLifecycleEvent) single(batch(roster));

    assertThat(event.change()).isEqualTo(CallLifecycleEvent.Change.PARTICIPANTS_UPDATED);
    assertThat(event.callId()).isEqualTo(CALL);
    assertThat(event.participants())
        .containsExactly(
            TeamsUser.of("u-1").withTenantId("t-1").withDisplayName("Ann"),
            PhoneNumber.of("+14255550100"),
            TeamsApp.resourceAccount("ra-1").withTenantId("t-1"),
            TeamsApp.bot("bot-1").withDisplayName("Bot"),
            new RawParticipant("guest-1"),
            dev.handoff.domain.participant.AcsUser.of("8:acs:res_user"));
    assertThat(event.evidence().references()).containsEntry("unidentified", "p-6");
  }

  @Test
  void aSingleParticipantObjectIsARosterOfOne() {
    String one =
        "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/"
            + CALL
            + "/participants/p-1\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.participant\","
            + "\"id\":\"p-1\",\"info\":{\"identity\":{\"user\":{\"id\":\"u-1\"}}}}}";

    CallLifecycleEvent event = (CallLifecycleEvent) single(batch(one));

    assertThat(event.change()).isEqualTo(CallLifecycleEvent.Change.PARTICIPANTS_UPDATED);
    assertThat(event.participants()).containsExactly(TeamsUser.of("u-1"));
    assertThat(event.evidence().references()).doesNotContainKey("unidentified");
  }

  // ---- redirect and termination ------------------------------------------------------------

  @Test
  void theEndOfARedirectedIncomingCallIsARedirectUpdateAndADisconnectionWithDistinctIds() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                callItem(
                    "deleted",
                    "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\","
                        + "\"direction\":\"incoming\",\"myParticipantId\":\"p-1\"}")));

    assertThat(events).hasSize(2);
    OperationUpdate redirect = update(events.get(0), OperationKind.REDIRECT, Progress.COMPLETED);
    CallLifecycleEvent ended = (CallLifecycleEvent) events.get(1);
    assertThat(ended.change()).isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
    assertThat(ended.failure()).isEmpty();
    assertThat(redirect.meta().eventId()).endsWith("#redirect");
    assertThat(ended.meta().eventId()).endsWith("#lifecycle");
    assertThat(redirect.meta().eventId()).isNotEqualTo(ended.meta().eventId());
  }

  @Test
  void anEndThatIsNoRedirectIsOnlyADisconnection() {
    for (String data :
        List.of(
            callState("terminated"),
            "{\"state\":\"terminated\",\"direction\":\"outgoing\"}",
            "{\"state\":\"terminated\",\"direction\":\"incoming\",\"resultInfo\":"
                + "{\"code\":200,\"subcode\":5001}}",
            "{\"state\":\"terminated\",\"direction\":\"incoming\","
                + "\"terminationReason\":\"CallTerminated\"}")) {
      List<ProviderEvent> events = parser.parse(batch(callItem("deleted", data)));
      assertThat(events).as(data).hasSize(1);
      assertThat(((CallLifecycleEvent) events.get(0)).change())
          .isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
    }
  }

  @Test
  void aTerminationWithAnErrorCarriesTheFailureOnTheDisconnection() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                callItem(
                    "deleted",
                    "{\"state\":\"terminated\",\"terminationReason\":\"CallTerminated\",\"resultInfo\":"
                        + "{\"code\":480,\"subcode\":10004,\"message\":\"Temporarily unavailable\"}}")));

    assertThat(events).hasSize(1);
    CallLifecycleEvent ended = (CallLifecycleEvent) events.get(0);
    Failure failure = ended.failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(FailureReason.NO_ANSWER);
    assertThat(failure.retryable()).as("the call is gone").isFalse();
    assertThat(ended.evidence().references()).containsEntry("terminationReason", "CallTerminated");
  }

  @Test
  void aDeletedCallWithoutStateAlsoEndsIt() {
    List<ProviderEvent> events =
        parser.parse(batch(callItem("deleted", "{\"id\":\"" + CALL + "\"}")));

    assertThat(events).hasSize(1);
    assertThat(((CallLifecycleEvent) events.get(0)).change())
        .isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
  }

  // ---- incoming call -----------------------------------------------------------------------

  @Test
  void anIncomingCallFromATeamsUserToAResourceAccount() {
    String incoming =
        callItem(
            "created",
            "{\"@odata.type\":\"#microsoft.graph.call\",\"id\":\""
                + CALL
                + "\",\"state\":\"incoming\",\"direction\":\"incoming\",\"callbackUri\":\"https://bot.example/api/calls\","
                + "\"tenantId\":\"t-1\",\"myParticipantId\":\"p-bot\",\"callChainId\":\"chain-1\",\"requestedModalities\":[\"audio\"],"
                + "\"source\":{\"@odata.type\":\"#microsoft.graph.participantInfo\",\"identity\":{\"@odata.type\":\"#microsoft.graph.identitySet\","
                + "\"user\":{\"id\":\"caller-1\",\"displayName\":\"Caller\",\"tenantId\":\"t-1\"}},\"region\":\"amer\",\"languageId\":\"en-US\"},"
                + "\"targets\":[{\"@odata.type\":\"#microsoft.graph.invitationParticipantInfo\",\"identity\":{\"@odata.type\":\"#microsoft.graph.identitySet\","
                + "\"applicationInstance\":{\"id\":\"ra-1\",\"displayName\":\"Bot\",\"tenantId\":\"t-1\"}},\"endpointType\":\"default\",\"id\":\"p-bot\",\"region\":\"amer\",\"languageId\":null}],"
                + "\"incomingContext\":{\"sourceParticipantId\":\"p-1\",\"transferor\":{\"user\":{\"id\":\"who-transferred\"}},"
                + "\"onBehalfOf\":{\"applicationInstance\":{\"id\":\"queue-ra\",\"tenantId\":\"t-1\"}}}}");

    IncomingCall call = (IncomingCall) single(batch(incoming));

    assertThat(call.onBehalfOf())
        .hasValue(TeamsApp.resourceAccount("queue-ra").withTenantId("t-1"));
    assertThat(call.callId()).isEqualTo(CALL);
    assertThat(call.incomingCallContext()).isEqualTo(CALL);
    assertThat(call.from())
        .isEqualTo(TeamsUser.of("caller-1").withTenantId("t-1").withDisplayName("Caller"));
    assertThat(call.callerDisplayName()).hasValue("Caller");
    assertThat(call.to())
        .isEqualTo(TeamsApp.resourceAccount("ra-1").withTenantId("t-1").withDisplayName("Bot"));
    assertThat(call.transferor()).hasValue(TeamsUser.of("who-transferred"));
    assertThat(call.correlationId()).hasValue("chain-1");
    assertThat(call.sipHeaders()).isEmpty();
    assertThat(call.meta().type()).isEqualTo("microsoft.graph.call:created:incoming");
  }

  @Test
  void anIncomingPstnCallToTheBotsApplication() {
    String incoming =
        callItem(
            "created",
            "{\"state\":\"incoming\",\"source\":{\"identity\":{\"phone\":{\"id\":\"+14255550123\"}}},"
                + "\"targets\":[{\"identity\":{\"application\":{\"id\":\"bot-app\"}}}]}");

    IncomingCall call = (IncomingCall) single(batch(incoming));

    assertThat(call.from()).isEqualTo(PhoneNumber.of("+14255550123"));
    assertThat(call.to()).isEqualTo(TeamsApp.bot("bot-app"));
    assertThat(call.transferor()).isEmpty();
    assertThat(call.correlationId()).isEmpty();
  }

  @Test
  void anAnonymousPstnCallerAndANumberWithoutPlusAreRead() {
    IncomingCall anonymous =
        (IncomingCall)
            single(
                batch(
                    callItem(
                        "created",
                        "{\"state\":\"incoming\",\"source\":{\"identity\":{\"phone\":{\"id\":\"anonymous\"}}},"
                            + "\"targets\":[{\"identity\":{\"phone\":{\"id\":\"14255550100\"}}}]}")));

    assertThat(anonymous.from()).isEqualTo(PhoneNumber.anonymousCaller());
    assertThat(anonymous.to()).isEqualTo(PhoneNumber.of("+14255550100"));
  }

  @Test
  void anIncomingCallWithoutAReadableCallerIsReportedUnrecognized() {
    ProviderEvent event =
        single(
            batch(
                callItem(
                    "created",
                    "{\"state\":\"incoming\",\"source\":{\"identity\":{\"encrypted\":{}}},\"targets\":[]}")));

    assertThat(event).isInstanceOf(UnrecognizedEvent.class);
  }

  @Test
  void teamsIdentitiesTakeTheParsersCloud() {
    GraphNotificationParser gcch =
        GraphNotificationParser.builder().clock(clock).cloud(Cloud.GCCH).build();

    IncomingCall call =
        (IncomingCall)
            gcch.parse(
                    batch(
                        callItem(
                            "created",
                            "{\"state\":\"incoming\",\"source\":{\"identity\":{\"user\":{\"id\":\"u-1\"}}},"
                                + "\"targets\":[{\"identity\":{\"application\":{\"id\":\"bot\"}}}]}")))
                .get(0);

    assertThat(call.from()).isEqualTo(TeamsUser.of("u-1").withCloud(Cloud.GCCH));
    assertThat(call.to()).isEqualTo(TeamsApp.bot("bot").withCloud(Cloud.GCCH));
  }

  // ---- §9.6 tolerance list -----------------------------------------------------------------

  @Test
  void subCodeAndSubcodeAreBothRead() {
    for (String spelling : new String[] {"subcode", "subCode"}) {
      OperationUpdate failed =
          (OperationUpdate)
              single(
                  batch(
                      callItem(
                          "updated",
                          "{\"state\":\"established\",\"resultInfo\":{\"code\":500,\""
                              + spelling
                              + "\":7000}}")));
      assertThat(failed.evidence().subCode()).as(spelling).hasValue("7000");
    }
    OperationUpdate completed =
        (OperationUpdate)
            parser
                .parse(
                    batch(
                        callItem(
                            "deleted",
                            "{\"state\":\"terminated\",\"resultInfo\":{\"code\":0,\"subCode\":7015}}")))
                .get(0);
    assertThat(completed.scope()).isEqualTo(OperationKind.TRANSFER);
    assertThat(completed.progress()).isEqualTo(Progress.COMPLETED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TRANSFERRING",
        "Transferring",
        "transferring",
        " transferRING ",
        "transferring\\t",
        " transferring"
      })
  void statesAreReadInAnyCase(String state) {
    update(
        single(batch(callItem("Updated", callState(state)))),
        OperationKind.TRANSFER,
        Progress.IN_PROGRESS);
  }

  @ParameterizedTest
  @CsvSource({
    "COMPLETED, COMPLETED",
    "Completed, COMPLETED",
    "FAILED, FAILED",
    "NotStarted, IN_PROGRESS"
  })
  void statusesAreReadInAnyCase(String status, Progress progress) {
    update(single(batch(inviteOperation(status, ""))), OperationKind.ADD_PARTICIPANT, progress);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ringing", "establishing", "hold", "redirecting", "terminating", "somethingNew"})
  void otherAndUnknownStatesAreReportedUnrecognized(String state) {
    String item = callItem("updated", callState(state));

    UnrecognizedEvent event = (UnrecognizedEvent) single(batch(item));

    assertThat(event.callId()).hasValue(CALL);
    assertThat(event.raw()).contains(state);
    assertThat(event.meta().type()).isEqualTo("microsoft.graph.call:updated");
  }

  @Test
  void theLegacyResourceMemberIsReadWhenResourceUrlIsAbsent() {
    String legacy =
        "{\"changeType\":\"updated\",\"resource\":\"/app/calls/"
            + CALL
            + "\",\"resourceData\":"
            + callState("transferring")
            + "}";

    update(single(batch(legacy)), OperationKind.TRANSFER, Progress.IN_PROGRESS);
  }

  @Test
  void resourceUrlWinsOverResourceAndFullUrlsAreRead() {
    String both =
        "{\"changeType\":\"updated\",\"resource\":\"/app/calls/other\",\"resourceUrl\":"
            + "\"https://graph.microsoft.com/v1.0/communications/calls/"
            + CALL
            + "?x=1\",\"resourceData\":"
            + callState("transferAccepted")
            + "}";

    update(single(batch(both)), OperationKind.TRANSFER, Progress.ACCEPTED);
  }

  @Test
  void missingNestedOdataTypesAreTolerated() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/"
                    + CALL
                    + "\",\"resourceData\":{\"state\":\"transferring\"}}",
                "{\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/"
                    + CALL
                    + "/operations/op-1\",\"resourceData\":{\"id\":\"op-1\",\"status\":\"completed\"}}",
                "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/"
                    + CALL
                    + "/participants\",\"resourceData\":[{\"id\":\"p-1\",\"info\":{\"identity\":{\"user\":{\"id\":\"u-1\"}}}}]}"));

    update(events.get(0), OperationKind.TRANSFER, Progress.IN_PROGRESS);
    update(events.get(1), OperationKind.ADD_PARTICIPANT, Progress.COMPLETED);
    assertThat(((CallLifecycleEvent) events.get(2)).participants())
        .containsExactly(TeamsUser.of("u-1"));
  }

  @Test
  void aBatchYieldsEventsInItemOrder() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                callItem("updated", callState("transferring")),
                inviteOperation("completed", ""),
                callItem("updated", callState("transferAccepted"))));

    assertThat(events).hasSize(3);
    update(events.get(0), OperationKind.TRANSFER, Progress.IN_PROGRESS);
    update(events.get(1), OperationKind.ADD_PARTICIPANT, Progress.COMPLETED);
    update(events.get(2), OperationKind.TRANSFER, Progress.ACCEPTED);
  }

  @Test
  void establishingAndEstablishedInEitherOrderGiveTheSameEvents() {
    String establishing = callItem("updated", callState("establishing"));
    String established = callItem("updated", callState("established"));

    List<ProviderEvent> inOrder = parser.parse(batch(establishing, established));
    List<ProviderEvent> reversed = parser.parse(batch(established, establishing));

    assertThat(inOrder.get(0)).isInstanceOf(UnrecognizedEvent.class);
    assertThat(inOrder.get(1)).isInstanceOf(CallLifecycleEvent.class);
    assertThat(reversed.get(0)).isEqualTo(inOrder.get(1));
    assertThat(reversed.get(1)).isEqualTo(inOrder.get(0));
  }

  @Test
  void transferAcceptedAfterTheMediaStateUpdateIsStillAccepted() {
    String mediaInactive =
        callItem(
            "updated",
            "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"transferring\",\"mediaState\":{\"audio\":\"inactive\"}}");

    List<ProviderEvent> events =
        parser.parse(
            batch(
                callItem("updated", callState("transferring")),
                mediaInactive,
                callItem("updated", callState("transferAccepted"))));

    update(events.get(0), OperationKind.TRANSFER, Progress.IN_PROGRESS);
    update(events.get(1), OperationKind.TRANSFER, Progress.IN_PROGRESS);
    update(events.get(2), OperationKind.TRANSFER, Progress.ACCEPTED);
    assertThat(events.get(1).meta().eventId()).isNotEqualTo(events.get(0).meta().eventId());
  }

  @Test
  void unknownMembersChangeTypesAndResourcesAreTolerated() {
    List<ProviderEvent> events =
        parser.parse(
            "{\"value\":["
                + "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/"
                + CALL
                + "\",\"subscriptionId\":\"s\",\"somethingNew\":{\"a\":[1]},\"resourceData\":{\"state\":\"established\",\"newThing\":true}},"
                + "{\"changeType\":\"renamed\",\"resourceUrl\":\"/communications/calls/"
                + CALL
                + "\",\"resourceData\":{\"state\":\"established\"}},"
                + "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/onlineMeetings/m-1\",\"resourceData\":{}},"
                + "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/"
                + CALL
                + "/audioRoutingGroups/g\",\"resourceData\":{}},"
                + "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/"
                + CALL
                + "\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.audioRoutingGroup\"}}"
                + "]}");

    assertThat(events.get(0)).isInstanceOf(CallLifecycleEvent.class);
    assertThat(events.subList(1, 5))
        .allSatisfy(e -> assertThat(e).isInstanceOf(UnrecognizedEvent.class));
    assertThat(((UnrecognizedEvent) events.get(2)).callId()).isEmpty();
    assertThat(((UnrecognizedEvent) events.get(3)).callId()).hasValue(CALL);
  }

  @Test
  void anEmptyBatchHasNoEvents() {
    assertThat(parser.parse("{\"value\":[]}")).isEmpty();
  }

  @Test
  void bytesAreReadAsUtf8() {
    List<ProviderEvent> events =
        parser.parse(
            batch(
                    callItem(
                        "created",
                        "{\"state\":\"incoming\",\"source\":{\"identity\":{\"user\":{\"id\":\"u\",\"displayName\":\"Zoë\"}}},"
                            + "\"targets\":[{\"identity\":{\"application\":{\"id\":\"b\"}}}]}"))
                .getBytes(StandardCharsets.UTF_8));

    assertThat(((IncomingCall) events.get(0)).callerDisplayName()).hasValue("Zoë");
  }

  // ---- event ids ---------------------------------------------------------------------------

  @Test
  void eventIdsAreDerivedFromContentIndependentOfMemberOrderAndReceiveTime() {
    String a =
        "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/c-1\",\"resourceData\":{\"state\":\"transferring\",\"id\":\"c-1\"}}";
    String b =
        "{\"resourceData\":{\"id\":\"c-1\",\"state\":\"transferring\"},\"resourceUrl\":\"/communications/calls/c-1\",\"changeType\":\"updated\"}";
    String c =
        "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/c-2\",\"resourceData\":{\"state\":\"transferring\",\"id\":\"c-2\"}}";

    String first = parser.parse(batch(a)).get(0).meta().eventId();
    clock.advance(Duration.ofMinutes(3));
    ProviderEvent redelivered = parser.parse(batch(b)).get(0);
    String other = parser.parse(batch(c)).get(0).meta().eventId();

    assertThat(first).startsWith("graph:").hasSize("graph:".length() + 64);
    assertThat(redelivered.meta().eventId()).isEqualTo(first);
    assertThat(redelivered.meta().occurredAt()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
    assertThat(other).isNotEqualTo(first);
  }

  // ---- malformed bodies --------------------------------------------------------------------

  @Test
  void malformedBodiesFailLoudlyNamingTheItemAndTheReason() {
    assertMalformed("not json", Optional.empty(), "the body is not JSON");
    assertMalformed("[]", Optional.empty(), "the body must be a commsNotifications object");
    assertMalformed("{\"value\":{}}", Optional.empty(), "value is required and must be an array");
    assertMalformed("{}", Optional.empty(), "value is required");
    assertMalformed(
        batch(callItem("updated", callState("established")), "42"),
        Optional.of(1),
        "value[1] must be a commsNotification object, was NUMBER");
    assertMalformed(
        batch("{\"changeType\":\"updated\",\"resourceData\":{}}"),
        Optional.of(0),
        "value[0].resourceUrl: is required (or the legacy resource)");
    assertMalformed(
        batch("{\"resourceUrl\":\"/communications/calls/c\",\"resourceData\":{}}"),
        Optional.of(0),
        "value[0].changeType: is required");
    assertMalformed(
        batch(callItem("updated", "\"text\"")),
        Optional.of(0),
        "value[0].resourceData: must be an object or an array, was STRING");
    assertMalformed(
        batch(callItem("updated", "{\"state\":{\"nested\":true}}")),
        Optional.of(0),
        "value[0].resourceData.state:");
    assertMalformed(
        batch(callItem("updated", "{\"state\":\"established\",\"resultInfo\":[1]}")),
        Optional.of(0),
        "value[0].resourceData.resultInfo:");
    assertMalformed(
        batch(
            "{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/c/participants\",\"resourceData\":[{\"id\":\"p\"},7]}"),
        Optional.of(0),
        "value[0].resourceData[1]: must be a participant object, was NUMBER");
    assertMalformed(
        batch(
            callItem(
                "created",
                "{\"state\":\"incoming\",\"source\":{\"identity\":{\"user\":{\"id\":\"has space\"}}},"
                    + "\"targets\":[{\"identity\":{\"application\":{\"id\":\"b\"}}}]}")),
        Optional.of(0),
        "value[0].resourceData.source.identity.user: Invalid TeamsUser: userId must not contain white space");
  }

  private void assertMalformed(String body, Optional<Integer> index, String message) {
    assertThatThrownBy(() -> parser.parse(body))
        .isInstanceOfSatisfying(
            MalformedNotificationException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("Malformed Graph notification: ")
                  .contains(message);
              if (index.isPresent()) {
                assertThat(e.itemIndex()).hasValue(index.get());
              } else {
                assertThat(e.itemIndex()).isEmpty();
              }
            });
  }
}
