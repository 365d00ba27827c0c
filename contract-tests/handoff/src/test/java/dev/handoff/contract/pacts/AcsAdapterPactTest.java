package dev.handoff.contract.pacts;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.AcsOptions;
import dev.handoff.adapter.acs.RetryPolicy;
import dev.handoff.contract.pact.CommittedPacts;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ACS adapter's contract with ACS Call Automation: the real {@link AcsCallControl} drives every
 * operation, every identifier kind and the custom calling context against the Pact mock server, and
 * reads each error answer into the failure it stands for. Retries are off, so that every
 * interaction is seen once. A warm handoff's actions (hold, unhold, play to one participant, remove
 * a participant, hang up, list the participants) have interactions of their own.
 */
@ExtendWith(CommittedPacts.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = HandoffPacts.ACS_PROVIDER, pactVersion = PactSpecVersion.V4)
class AcsAdapterPactTest {
  private static final String CONSUMER = HandoffPacts.ACS_CONSUMER;
  private static final String CALL = "a1c0ffee-0000-4000-8000-000000000001";
  private static final String ACCESS_KEY = "cGFjdC1jb25zdW1lci10ZXN0LWtleS0wMDAwMDAwMDA=";
  private static final String CALLBACK = "https://app.example.com/callbacks/acs";
  private static final String CALL_EXISTS = "a call connection exists";
  private static final String CALLER_ON_HOLD = "a call connection with the caller on hold exists";
  private static final String CALLER_JSON =
      "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550100\"},"
          + "\"rawId\":\"4:+14255550100\"}";
  private static final Transferee CALLER = Transferee.of(PhoneNumber.of("+14255550100"));

  private static final String TEAMS_USER = "c3a7e0c5-2f6b-4b49-9b0e-4c8a1e9f0d21";
  private static final String TEAMS_APP = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
  private static final String ACS_USER = "8:acs:3f6b8a2e-5c1d-4e7f-9a0b-1c2d3e4f5a6b_0000001a";
  private static final String TRANSFEREE = "8:acs:3f6b8a2e-5c1d-4e7f-9a0b-1c2d3e4f5a6b_0000002b";

  // ------------------------------------------------------------------ transfers

  @Pact(consumer = CONSUMER)
  V4Pact transferToPhone(PactDslWithProvider builder) {
    return AcsWire.json(
            AcsWire.onCall(
                    builder.given(CALL_EXISTS),
                    "a transfer to a phone number with User-To-User, SIP headers and a caller id",
                    ":transferToParticipant",
                    CALL)
                .body(
                    PactBodies.rules()
                        .fromState("operationCallbackUri", "${callbackUri}")
                        .body(
                            "{\"targetParticipant\":{\"kind\":\"phoneNumber\","
                                + "\"phoneNumber\":{\"value\":\"+14255550123\"},"
                                + "\"rawId\":\"4:+14255550123\"},"
                                + "\"operationContext\":\"xfer-phone\","
                                + "\"operationCallbackUri\":\""
                                + CALLBACK
                                + "\","
                                + "\"customCallingContext\":{\"sipHeaders\":{"
                                + "\"User-To-User\":\"a1b2c3;encoding=hex\","
                                + "\"X-MS-Custom-caseId\":\"42\",\"X-Queue\":\"billing\"}},"
                                + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"}}")),
            202)
        .body(PactBodies.rules().anyString("operationContext").body(operationContext("xfer-phone")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "transferToPhone")
  void transfersToAPhoneNumber(MockServer server) {
    CallTransfer transfer =
        CallTransfer.builder(CALL, PhoneNumber.of("+14255550123"))
            .operationContext("xfer-phone")
            .callbackUri(URI.create(CALLBACK))
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .callingContext(
                CallingContext.builder()
                    .userToUser("a1b2c3;encoding=hex")
                    .msCustomSipHeader("caseId", "42")
                    .sipHeader("X-Queue", "billing")
                    .build())
            .build();
    assertThat(submit(server, transfer)).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToAcsUser(PactDslWithProvider builder) {
    return accepted(
        builder,
        "a transfer to an ACS user with VoIP headers",
        "{\"targetParticipant\":{\"kind\":\"communicationUser\","
            + "\"communicationUser\":{\"id\":\""
            + ACS_USER
            + "\"},\"rawId\":\""
            + ACS_USER
            + "\"},\"operationContext\":\"xfer-acs\","
            + "\"customCallingContext\":{\"voipHeaders\":{\"crm\":\"case-42\",\"lang\":\"fr\"}}}",
        "xfer-acs");
  }

  @Test
  @PactTestFor(pactMethod = "transferToAcsUser")
  void transfersToAnAcsUser(MockServer server) {
    CallTransfer transfer =
        CallTransfer.builder(CALL, AcsUser.of(ACS_USER))
            .operationContext("xfer-acs")
            .callingContext(
                CallingContext.builder()
                    .voipHeader("crm", "case-42")
                    .voipHeader("lang", "fr")
                    .build())
            .build();
    assertThat(submit(server, transfer)).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToTeamsUser(PactDslWithProvider builder) {
    return accepted(
        builder,
        "a transfer to a Teams user with Teams phone call details",
        "{\"targetParticipant\":{\"kind\":\"microsoftTeamsUser\","
            + "\"microsoftTeamsUser\":{\"userId\":\""
            + TEAMS_USER
            + "\",\"cloud\":\"public\"},\"rawId\":\"8:orgid:"
            + TEAMS_USER
            + "\"},\"operationContext\":\"xfer-teams\","
            + "\"customCallingContext\":{\"teamsPhoneCallDetails\":{"
            + "\"sessionId\":\"session-7\",\"intent\":\"billing\","
            + "\"callTopic\":\"Invoice question\","
            + "\"callContext\":\"The caller asked about invoice 1234.\","
            + "\"callSentiment\":\"neutral\"}}}",
        "xfer-teams");
  }

  @Test
  @PactTestFor(pactMethod = "transferToTeamsUser")
  void transfersToATeamsUser(MockServer server) {
    CallTransfer transfer =
        CallTransfer.builder(CALL, TeamsUser.of(TEAMS_USER))
            .operationContext("xfer-teams")
            .callingContext(
                CallingContext.builder()
                    .teamsPhoneCallDetails(
                        TeamsPhoneCallDetails.builder()
                            .sessionId("session-7")
                            .intent("billing")
                            .callTopic("Invoice question")
                            .callContext("The caller asked about invoice 1234.")
                            .callSentiment("neutral")
                            .build())
                    .build())
            .build();
    assertThat(submit(server, transfer)).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToTeamsApp(PactDslWithProvider builder) {
    return accepted(
        builder,
        "a transfer to a Teams resource account",
        "{\"targetParticipant\":{\"kind\":\"microsoftTeamsApp\","
            + "\"microsoftTeamsApp\":{\"appId\":\""
            + TEAMS_APP
            + "\",\"cloud\":\"public\"},\"rawId\":\"28:orgid:"
            + TEAMS_APP
            + "\"},\"operationContext\":\"xfer-app\"}",
        "xfer-app");
  }

  @Test
  @PactTestFor(pactMethod = "transferToTeamsApp")
  void transfersToATeamsApp(MockServer server) {
    assertThat(
            submit(
                server,
                CallTransfer.builder(CALL, TeamsApp.resourceAccount(TEAMS_APP))
                    .operationContext("xfer-app")
                    .build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToTeamsExtensionUser(PactDslWithProvider builder) {
    return accepted(
        builder,
        "a transfer to a Teams extension user",
        "{\"targetParticipant\":{\"kind\":\"teamsExtensionUser\","
            + "\"teamsExtensionUser\":{\"userId\":\"u-77\",\"tenantId\":\"t-55\","
            + "\"resourceId\":\"r-33\",\"cloud\":\"public\"},"
            + "\"rawId\":\"8:acs:r-33_t-55_u-77\"},\"operationContext\":\"xfer-ext\"}",
        "xfer-ext");
  }

  @Test
  @PactTestFor(pactMethod = "transferToTeamsExtensionUser")
  void transfersToATeamsExtensionUser(MockServer server) {
    assertThat(
            submit(
                server,
                CallTransfer.builder(CALL, TeamsExtensionUser.of("u-77", "t-55", "r-33"))
                    .operationContext("xfer-ext")
                    .build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact transferToRawId(PactDslWithProvider builder) {
    return accepted(
        builder,
        "a transfer to an identifier known only by its raw id",
        "{\"targetParticipant\":{\"kind\":\"unknown\",\"rawId\":\"8:gcch:e1f2a3b4\"},"
            + "\"operationContext\":\"xfer-raw\"}",
        "xfer-raw");
  }

  @Test
  @PactTestFor(pactMethod = "transferToRawId")
  void transfersToARawIdentifier(MockServer server) {
    assertThat(
            submit(
                server,
                CallTransfer.builder(CALL, new RawParticipant("8:gcch:e1f2a3b4"))
                    .operationContext("xfer-raw")
                    .build()))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact groupTransfer(PactDslWithProvider builder) {
    return AcsWire.json(
            AcsWire.onCall(
                    builder.given(
                        "a group call connection exists", Map.of("participant", TRANSFEREE)),
                    "a transfer out of a group call naming the transferee",
                    ":transferToParticipant",
                    CALL)
                .body(
                    PactBodies.rules()
                        .body(
                            "{\"targetParticipant\":{\"kind\":\"phoneNumber\","
                                + "\"phoneNumber\":{\"value\":\"+14255550123\"},"
                                + "\"rawId\":\"4:+14255550123\"},"
                                + "\"operationContext\":\"xfer-group\","
                                + "\"transferee\":{\"kind\":\"communicationUser\","
                                + "\"communicationUser\":{\"id\":\""
                                + TRANSFEREE
                                + "\"},\"rawId\":\""
                                + TRANSFEREE
                                + "\"}}")),
            202)
        .body(PactBodies.rules().anyString("operationContext").body(operationContext("xfer-group")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "groupTransfer")
  void transfersOutOfAGroupCall(MockServer server) {
    CallTransfer transfer =
        CallTransfer.builder(CALL, PhoneNumber.of("+14255550123"))
            .transferee(AcsUser.of(TRANSFEREE))
            .operationContext("xfer-group")
            .build();
    assertThat(submit(server, transfer)).isInstanceOf(SubmitResult.Accepted.class);
  }

  // ------------------------------------------------------------------ add, cancel, redirect

  @Pact(consumer = CONSUMER)
  V4Pact addParticipant(PactDslWithProvider builder) {
    return AcsWire.json(
            AcsWire.onCall(
                    builder.given(CALL_EXISTS),
                    "an invitation of a phone number with a timeout, caller id, name and context",
                    "/participants:add",
                    CALL)
                .body(
                    PactBodies.rules()
                        .fromState("operationCallbackUri", "${callbackUri}")
                        .body(
                            "{\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"},"
                                + "\"sourceDisplayName\":\"Contoso support\","
                                + "\"participantToAdd\":{\"kind\":\"phoneNumber\","
                                + "\"phoneNumber\":{\"value\":\"+14255550124\"},"
                                + "\"rawId\":\"4:+14255550124\"},"
                                + "\"invitationTimeoutInSeconds\":30,"
                                + "\"operationContext\":\"add-phone\","
                                + "\"operationCallbackUri\":\""
                                + CALLBACK
                                + "\","
                                + "\"customCallingContext\":{\"sipHeaders\":{"
                                + "\"User-To-User\":\"c0ffee\",\"X-MS-Custom-agent\":\"7\"}}}")),
            202)
        .body(
            PactBodies.rules()
                .anyString("operationContext")
                .matching("invitationId", AcsWire.UUID_REGEX)
                .body(
                    "{\"participant\":{\"identifier\":{\"kind\":\"phoneNumber\","
                        + "\"phoneNumber\":{\"value\":\"+14255550124\"},"
                        + "\"rawId\":\"4:+14255550124\"}},"
                        + "\"operationContext\":\"add-phone\","
                        + "\"invitationId\":\"1d6e8f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a\"}"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addParticipant")
  void invitesAParticipant(MockServer server) {
    AddParticipant add =
        AddParticipant.builder(CALL, PhoneNumber.of("+14255550124"))
            .invitationTimeout(Duration.ofSeconds(30))
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .sourceDisplayName("Contoso support")
            .operationContext("add-phone")
            .callbackUri(URI.create(CALLBACK))
            .callingContext(
                CallingContext.builder()
                    .userToUser("c0ffee")
                    .msCustomSipHeader("agent", "7")
                    .build())
            .build();
    SubmitResult result = submit(server, add);
    assertThat(result)
        .isInstanceOfSatisfying(
            SubmitResult.Accepted.class,
            accepted ->
                assertThat(accepted.invitationId())
                    .contains("1d6e8f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelInvitation(PactDslWithProvider builder) {
    return AcsWire.json(
            AcsWire.onCall(
                    builder.given("a call connection with a ringing invitation exists"),
                    "a cancellation of a ringing invitation",
                    "/participants:cancelAddParticipant",
                    CALL)
                .body(
                    PactBodies.rules()
                        .fromState("invitationId", "${invitationId}")
                        .body(
                            "{\"invitationId\":\"1d6e8f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a\","
                                + "\"operationContext\":\"cancel-1\"}")),
            202)
        .body(
            PactBodies.rules()
                .anyString("operationContext")
                .matching("invitationId", ".+")
                .body(
                    "{\"invitationId\":\"1d6e8f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a\","
                        + "\"operationContext\":\"cancel-1\"}"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancelInvitation")
  void cancelsAnInvitation(MockServer server) {
    CancelAddParticipant cancel =
        new CancelAddParticipant(
            CALL,
            "1d6e8f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a",
            Optional.of("cancel-1"),
            Optional.empty());
    assertThat(submit(server, cancel)).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact redirect(PactDslWithProvider builder) {
    return AcsWire.at(
            builder.given("an incoming call exists"),
            "a redirect of an incoming call to a phone number",
            "/calling/callConnections:redirect")
        .body(
            PactBodies.rules()
                .fromState("incomingCallContext", "${incomingCallContext}")
                .body(
                    "{\"incomingCallContext\":\"eyJpbmNvbWluZyI6ImNvbnRleHQifQ\","
                        + "\"target\":{\"kind\":\"phoneNumber\","
                        + "\"phoneNumber\":{\"value\":\"+14255550125\"},"
                        + "\"rawId\":\"4:+14255550125\"}}"))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "redirect")
  void redirectsAnIncomingCall(MockServer server) {
    RedirectCall redirect =
        RedirectCall.builder(
                "server-call-1",
                "eyJpbmNvbWluZyI6ImNvbnRleHQifQ",
                List.of(PhoneNumber.of("+14255550125")))
            .build();
    assertThat(submit(server, redirect)).isInstanceOf(SubmitResult.Completed.class);
  }

  // ------------------------------------------------------------------ a warm handoff's actions

  @Pact(consumer = CONSUMER)
  V4Pact hold(PactDslWithProvider builder) {
    return AcsWire.onCallOnce(
            builder.given(CALL_EXISTS),
            "a hold of the caller with spoken hold audio",
            "POST",
            ":hold",
            CALL)
        .body(
            PactBodies.rules()
                .body(
                    "{\"targetParticipant\":"
                        + CALLER_JSON
                        + ",\"playSourceInfo\":{\"kind\":\"text\",\"text\":{"
                        + "\"text\":\"Please hold\",\"sourceLocale\":\"en-US\"}},"
                        + "\"operationContext\":\"hold-1\"}"))
        .willRespondWith()
        .status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "hold")
  void holdsTheCallerWithHoldAudio(MockServer server) {
    HoldParticipant hold =
        new HoldParticipant(
            CALL,
            CALLER,
            Optional.of(new Prompt.Speech("Please hold", Optional.of("en-US"), Optional.empty())),
            Optional.empty());
    assertThat(acs(server).hold(hold, step("hold-1"))).isInstanceOf(SubmitResult.Completed.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact unhold(PactDslWithProvider builder) {
    return AcsWire.onCallOnce(
            builder.given(CALLER_ON_HOLD), "an unhold of the caller", "POST", ":unhold", CALL)
        .body(
            PactBodies.rules()
                .body(
                    "{\"targetParticipant\":"
                        + CALLER_JSON
                        + ",\"operationContext\":\"unhold-1\"}"))
        .willRespondWith()
        .status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unhold")
  void takesTheCallerOffHold(MockServer server) {
    ResumeParticipant resume = new ResumeParticipant(CALL, CALLER, Optional.empty());
    assertThat(acs(server).resume(resume, step("unhold-1")))
        .isInstanceOf(SubmitResult.Completed.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact playToOne(PactDslWithProvider builder) {
    return AcsWire.onCallOnce(
            builder.given(CALL_EXISTS),
            "a spoken prompt played to one participant alone",
            "POST",
            ":play",
            CALL)
        .body(
            PactBodies.rules()
                .fromState("operationCallbackUri", "${callbackUri}")
                .body(
                    "{\"playSources\":[{\"kind\":\"text\",\"text\":{"
                        + "\"text\":\"Caller asks about an invoice\"}}],"
                        + "\"playTo\":["
                        + CALLER_JSON
                        + "],\"operationContext\":\"brief-1\","
                        + "\"operationCallbackUri\":\""
                        + CALLBACK
                        + "\"}"))
        .willRespondWith()
        .status(202)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "playToOne")
  void playsAPromptToOneParticipant(MockServer server) {
    PlayPrompt play =
        new PlayPrompt(
            CALL,
            Prompt.speech("Caller asks about an invoice"),
            Optional.of(PhoneNumber.of("+14255550100")),
            Optional.of(URI.create(CALLBACK)));
    assertThat(acs(server).play(play, step("brief-1"))).isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact removeParticipant(PactDslWithProvider builder) {
    return AcsWire.json(
            AcsWire.onCall(
                    builder.given(
                        "a group call connection exists", Map.of("participant", TRANSFEREE)),
                    "a removal of a participant from a group call",
                    "/participants:remove",
                    CALL)
                .body(
                    PactBodies.rules()
                        .body(
                            "{\"participantToRemove\":{\"kind\":\"communicationUser\","
                                + "\"communicationUser\":{\"id\":\""
                                + TRANSFEREE
                                + "\"},\"rawId\":\""
                                + TRANSFEREE
                                + "\"},\"operationContext\":\"remove-1\"}")),
            202)
        .body(PactBodies.rules().anyString("operationContext").body(operationContext("remove-1")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "removeParticipant")
  void removesAParticipant(MockServer server) {
    RemoveParticipant remove =
        new RemoveParticipant(CALL, AcsUser.of(TRANSFEREE), Optional.empty());
    assertThat(acs(server).removeParticipant(remove, step("remove-1")))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact hangUp(PactDslWithProvider builder) {
    return AcsWire.onCallOnce(
            builder.given(CALL_EXISTS), "a hang-up of the application's leg", "DELETE", "", CALL)
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "hangUp")
  void hangsUpTheApplicationsLeg(MockServer server) {
    assertThat(acs(server).hangUp(new HangUp(CALL), step("hangup-1")))
        .isInstanceOf(SubmitResult.Completed.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact listParticipants(PactDslWithProvider builder) {
    return AcsWire.json(
            AcsWire.onCallOnce(
                builder.given(CALL_EXISTS),
                "a list of the call's participants",
                "GET",
                "/participants",
                CALL),
            200)
        .body(
            PactBodies.rules()
                .body(
                    "{\"value\":[{\"identifier\":"
                        + CALLER_JSON
                        + ",\"isMuted\":false,\"isOnHold\":false}]}"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listParticipants")
  void listsTheParticipants(MockServer server) {
    Roster roster = acs(server).participants(CALL);
    assertThat(roster.failure()).isEmpty();
    assertThat(roster.participants()).containsExactly(CALLER);
  }

  // ------------------------------------------------------------------ errors

  @Pact(consumer = CONSUMER)
  V4Pact unknownCall(PactDslWithProvider builder) {
    return error(
        AcsWire.at(
                builder.given("no call connection exists"),
                "a transfer of a call connection that does not exist",
                "/calling/callConnections/" + CALL + ":transferToParticipant")
            .body(plainTransfer("xfer-missing")),
        404,
        "8522");
  }

  @Test
  @PactTestFor(pactMethod = "unknownCall")
  void readsCallNotFound(MockServer server) {
    Failure failure = rejected(submit(server, plainTransfer(CALL, "xfer-missing")));
    assertThat(failure.reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(failure.evidence().httpStatus()).hasValue(404);
    assertThat(failure.evidence().code()).contains("8522");
  }

  @Pact(consumer = CONSUMER)
  V4Pact invalidRedirect(PactDslWithProvider builder) {
    return error(
        AcsWire.at(
                builder.given("no incoming call exists"),
                "a redirect naming an incoming call context the service never issued",
                "/calling/callConnections:redirect")
            .body(
                "{\"incomingCallContext\":\"never-issued\",\"target\":{\"kind\":\"phoneNumber\","
                    + "\"phoneNumber\":{\"value\":\"+14255550125\"},"
                    + "\"rawId\":\"4:+14255550125\"}}"),
        400,
        "8523");
  }

  @Test
  @PactTestFor(pactMethod = "invalidRedirect")
  void readsAnInvalidRequest(MockServer server) {
    Failure failure =
        rejected(
            submit(
                server,
                RedirectCall.builder(
                        "server-call-1", "never-issued", List.of(PhoneNumber.of("+14255550125")))
                    .build()));
    assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.evidence().httpStatus()).hasValue(400);
  }

  @Pact(consumer = CONSUMER)
  V4Pact badSignature(PactDslWithProvider builder) {
    return error(
        AcsWire.onCall(
                builder.given(CALL_EXISTS).given("requests are signed with another resource's key"),
                "a transfer signed with a key the resource does not know",
                ":transferToParticipant",
                CALL)
            .body(plainTransfer("xfer-forged")),
        401,
        "7509");
  }

  @Test
  @PactTestFor(pactMethod = "badSignature")
  void readsAFailedSignature(MockServer server) {
    Failure failure = rejected(submit(server, plainTransfer(CALL, "xfer-forged")));
    assertThat(failure.reason()).isEqualTo(FailureReason.AUTHENTICATION);
    assertThat(failure.evidence().httpStatus()).hasValue(401);
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return AcsWire.onCall(
            builder.given(CALL_EXISTS).given("the service throttles transfers"),
            "a transfer the service throttles",
            ":transferToParticipant",
            CALL)
        .body(plainTransfer("xfer-throttled"))
        .willRespondWith()
        .status(429)
        .matchHeader("Content-Type", AcsWire.JSON_REGEX, "application/json; charset=utf-8")
        .matchHeader("Retry-After", "\\d+", "3")
        .body(
            PactBodies.rules().anyString("error.message").body(AcsWire.error("429", "Slow down.")))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void readsThrottling(MockServer server) {
    Failure failure = rejected(submit(server, plainTransfer(CALL, "xfer-throttled")));
    assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.evidence().httpStatus()).hasValue(429);
  }

  // ------------------------------------------------------------------ helpers

  private static V4Pact accepted(
      PactDslWithProvider builder, String description, String body, String context) {
    return AcsWire.json(
            AcsWire.onCall(builder.given(CALL_EXISTS), description, ":transferToParticipant", CALL)
                .body(PactBodies.rules().body(body)),
            202)
        .body(PactBodies.rules().anyString("operationContext").body(operationContext(context)))
        .toPact(V4Pact.class);
  }

  private static V4Pact error(
      au.com.dius.pact.consumer.dsl.PactDslRequestWithPath request, int status, String code) {
    return AcsWire.json(request, status)
        .body(
            PactBodies.rules()
                .anyString("error.message")
                .body(AcsWire.error(code, "as the service words it")))
        .toPact(V4Pact.class);
  }

  private static String operationContext(String value) {
    return "{\"operationContext\":\"" + value + "\"}";
  }

  private static String plainTransfer(String context) {
    return "{\"targetParticipant\":{\"kind\":\"phoneNumber\","
        + "\"phoneNumber\":{\"value\":\"+14255550123\"},\"rawId\":\"4:+14255550123\"},"
        + "\"operationContext\":\""
        + context
        + "\"}";
  }

  private static CallTransfer plainTransfer(String callId, String context) {
    return CallTransfer.builder(callId, PhoneNumber.of("+14255550123"))
        .operationContext(context)
        .build();
  }

  private static SubmitResult submit(MockServer server, CallCommand command) {
    return acs(server).submit(command, SubmitContext.standalone(command, Clock.systemUTC()));
  }

  private static AcsCallControl acs(MockServer server) {
    return AcsCallControl.builder()
        .connectionString("endpoint=" + server.getUrl() + "/;accesskey=" + ACCESS_KEY)
        .options(AcsOptions.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  /** A step of a handoff, its correlation the wire's operation context. */
  private static SubmitContext step(String correlation) {
    return new SubmitContext(
        OperationId.of("handoff-1"),
        correlation,
        SubmissionToken.create(Clock.systemUTC().instant()));
  }

  private static Failure rejected(SubmitResult result) {
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    return ((SubmitResult.Rejected) result).failure();
  }
}
