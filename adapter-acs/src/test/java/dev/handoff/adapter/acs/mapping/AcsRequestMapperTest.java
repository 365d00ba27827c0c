package dev.handoff.adapter.acs.mapping;

import static dev.handoff.adapter.acs.Json.tree;
import static dev.handoff.adapter.acs.Json.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AcsRequestMapperTest {
  private static final AcsRequestMapper MAPPER = AcsRequestMapper.INSTANCE;
  private static final WireStyle RAW_IDS = WireStyle.DEFAULT;
  private static final WireStyle NO_RAW_IDS = new WireStyle(false);
  private static final String ACS_ID =
      "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_da7be3a9-8788-42a6-85c6-56b2cf784fce";

  static Stream<Arguments> identifiers() {
    return Stream.of(
        Arguments.of(
            AcsUser.of(ACS_ID),
            "{\"kind\":\"communicationUser\",\"rawId\":\""
                + ACS_ID
                + "\","
                + "\"communicationUser\":{\"id\":\""
                + ACS_ID
                + "\"}}"),
        Arguments.of(
            AcsUser.of("8:gcch-acs:r_u"),
            "{\"kind\":\"communicationUser\",\"rawId\":\"8:gcch-acs:r_u\","
                + "\"communicationUser\":{\"id\":\"8:gcch-acs:r_u\"}}"),
        Arguments.of(
            PhoneNumber.of("+1 (425) 555-0123"),
            "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
                + "\"phoneNumber\":{\"value\":\"+14255550123\"}}"),
        Arguments.of(
            PhoneNumber.of("+14255550123").withAssertedId("a1b2"),
            "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123_a1b2\","
                + "\"phoneNumber\":{\"value\":\"+14255550123\",\"assertedId\":\"a1b2\"}}"),
        Arguments.of(
            PhoneNumber.anonymousCaller(),
            "{\"kind\":\"phoneNumber\",\"rawId\":\"4:anonymous\","
                + "\"phoneNumber\":{\"value\":\"anonymous\",\"isAnonymous\":true}}"),
        Arguments.of(
            TeamsUser.of("aad-oid"),
            "{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:orgid:aad-oid\","
                + "\"microsoftTeamsUser\":{\"userId\":\"aad-oid\",\"cloud\":\"public\"}}"),
        Arguments.of(
            TeamsUser.of("aad-oid").withCloud(Cloud.GCCH).withTenantId("tenant-1"),
            "{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:gcch:aad-oid\","
                + "\"microsoftTeamsUser\":{\"userId\":\"aad-oid\",\"cloud\":\"gcch\"}}"),
        Arguments.of(
            TeamsUser.anonymousVisitor("visitor-1"),
            "{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:teamsvisitor:visitor-1\","
                + "\"microsoftTeamsUser\":{\"userId\":\"visitor-1\",\"isAnonymous\":true,"
                + "\"cloud\":\"public\"}}"),
        Arguments.of(
            TeamsApp.bot("bot-app").withCloud(Cloud.DOD),
            "{\"kind\":\"microsoftTeamsApp\",\"rawId\":\"28:dod:bot-app\","
                + "\"microsoftTeamsApp\":{\"appId\":\"bot-app\",\"cloud\":\"dod\"}}"),
        Arguments.of(
            TeamsApp.resourceAccount("queue-oid"),
            "{\"kind\":\"microsoftTeamsApp\",\"rawId\":\"28:orgid:queue-oid\","
                + "\"microsoftTeamsApp\":{\"appId\":\"queue-oid\",\"cloud\":\"public\"}}"),
        Arguments.of(
            TeamsExtensionUser.of("user-oid", "tenant-id", "resource-id"),
            "{\"kind\":\"teamsExtensionUser\",\"rawId\":\"8:acs:resource-id_tenant-id_user-oid\","
                + "\"teamsExtensionUser\":{\"userId\":\"user-oid\",\"tenantId\":\"tenant-id\","
                + "\"resourceId\":\"resource-id\",\"cloud\":\"public\"}}"),
        Arguments.of(
            new RawParticipant("99:future:thing"),
            "{\"kind\":\"unknown\",\"rawId\":\"99:future:thing\"}"));
  }

  @ParameterizedTest
  @MethodSource("identifiers")
  void mapsEveryIdentifierKindExactly(Participant participant, String expected) {
    assertThat(wire(MAPPER.identifier(participant, RAW_IDS))).isEqualTo(tree(expected));
  }

  @ParameterizedTest
  @MethodSource("identifiers")
  void omitsRawIdsOfTypedIdentifiersWhenAsked(Participant participant, String expected) {
    JsonNode mapped = wire(MAPPER.identifier(participant, NO_RAW_IDS));
    if (participant instanceof RawParticipant) {
      assertThat(mapped).isEqualTo(tree(expected));
    } else {
      assertThat(mapped).isEqualTo(dev.handoff.adapter.acs.Json.withoutRawIds(tree(expected)));
      assertThat(mapped.has("rawId")).isFalse();
    }
  }

  @Test
  void mapsAMinimalTransferWithoutAnyNullOrEmptyValue() {
    CallTransfer transfer = CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

    assertThat(wire(MAPPER.transfer(transfer, "op-1", RAW_IDS)))
        .isEqualTo(
            tree(
                "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
                    + "\"phoneNumber\":{\"value\":\"+14255550123\"}},\"operationContext\":\"op-1\"}"));
  }

  @Test
  void mapsAFullTransfer() {
    CallTransfer transfer =
        CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
            .transferee(PhoneNumber.of("+14255550100"))
            .operationContext("xfer-42")
            .callbackUri(URI.create("https://app.example/cb?k=abc"))
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .callingContext(
                CallingContext.builder()
                    .userToUser("a1b2")
                    .msCustomSipHeader("caseId", "123")
                    .sipHeader("X-Tenant", "t-9")
                    .voipHeader("priority", "high")
                    .build())
            .build();

    assertThat(wire(MAPPER.transfer(transfer, "xfer-42", RAW_IDS)))
        .isEqualTo(
            tree(
                """
                {"targetParticipant":{"kind":"phoneNumber","rawId":"4:+14255550123",
                   "phoneNumber":{"value":"+14255550123"}},
                 "transferee":{"kind":"phoneNumber","rawId":"4:+14255550100",
                   "phoneNumber":{"value":"+14255550100"}},
                 "operationContext":"xfer-42",
                 "operationCallbackUri":"https://app.example/cb?k=abc",
                 "sourceCallerIdNumber":{"value":"+18005550100"},
                 "customCallingContext":{
                   "sipHeaders":{"User-To-User":"a1b2","X-MS-Custom-caseId":"123","X-Tenant":"t-9"},
                   "voipHeaders":{"priority":"high"}}}
                """));
  }

  @Test
  void writesUserToUserFirstAndKeepsTheHeaderOrder() {
    CallingContext context =
        CallingContext.builder()
            .sipHeader("X-B", "2")
            .sipHeader("X-A", "1")
            .userToUser("uui")
            .build();

    Map<String, String> sip = MAPPER.customCallingContext(context, RAW_IDS).sipHeaders();

    assertThat(List.copyOf(sip.keySet())).containsExactly("User-To-User", "X-B", "X-A");
  }

  @Test
  void omitsAnEmptyContextAndEmptyMaps() {
    assertThat(MAPPER.customCallingContext(CallingContext.EMPTY, RAW_IDS)).isNull();
    CallingContext voipOnly = CallingContext.builder().voipHeader("k", "v").build();

    assertThat(wire(MAPPER.customCallingContext(voipOnly, RAW_IDS)))
        .isEqualTo(tree("{\"voipHeaders\":{\"k\":\"v\"}}"));
  }

  @Test
  void mapsTeamsPhoneCallDetailsCompletely() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("tier", "gold");
    Map<String, Participant> targets = new LinkedHashMap<>();
    targets.put("sales", TeamsApp.resourceAccount("queue-oid"));
    TeamsPhoneCallDetails details =
        TeamsPhoneCallDetails.builder()
            .callerDetails(
                new TeamsPhoneCallerDetails(
                    PhoneNumber.of("+14255550123"),
                    "Ada Lovelace",
                    "+14255550123",
                    Optional.of("crm-7"),
                    Optional.of(URI.create("https://crm.example/7")),
                    Optional.of(true),
                    info))
            .sourceDetails(
                new TeamsPhoneSourceDetails(TeamsApp.bot("bot-app"), "en-US", "active", targets))
            .sessionId("s-1")
            .intent("billing")
            .callTopic("Invoice question")
            .callContext("Caller asked about invoice 42.\nVerified.")
            .transcriptUrl(URI.create("https://bot.example/t/1"))
            .callSentiment("neutral")
            .suggestedActions("Offer a refund")
            .build();
    CallTransfer transfer =
        CallTransfer.builder("call-1", TeamsUser.of("agent-oid"))
            .callingContext(CallingContext.builder().teamsPhoneCallDetails(details).build())
            .build();

    JsonNode body = wire(MAPPER.transfer(transfer, "op-1", NO_RAW_IDS));

    assertThat(body.get("customCallingContext"))
        .isEqualTo(
            tree(
                """
                {"teamsPhoneCallDetails":{
                   "teamsPhoneCallerDetails":{
                     "caller":{"kind":"phoneNumber","phoneNumber":{"value":"+14255550123"}},
                     "name":"Ada Lovelace","phoneNumber":"+14255550123","recordId":"crm-7",
                     "screenPopUrl":"https://crm.example/7","isAuthenticated":true,
                     "additionalCallerInformation":{"tier":"gold"}},
                   "teamsPhoneSourceDetails":{
                     "source":{"kind":"microsoftTeamsApp","microsoftTeamsApp":{"appId":"bot-app","cloud":"public"}},
                     "language":"en-US","status":"active",
                     "intendedTargets":{"sales":{"kind":"microsoftTeamsApp",
                       "microsoftTeamsApp":{"appId":"queue-oid","cloud":"public"}}}},
                   "sessionId":"s-1","intent":"billing","callTopic":"Invoice question",
                   "callContext":"Caller asked about invoice 42.\\nVerified.",
                   "transcriptUrl":"https://bot.example/t/1","callSentiment":"neutral",
                   "suggestedActions":"Offer a refund"}}
                """));
  }

  @Test
  void mapsAFullAdd() {
    AddParticipant add =
        AddParticipant.builder("call-1", PhoneNumber.of("+14255550199"))
            .invitationTimeout(Duration.ofSeconds(30))
            .sourceCallerId(PhoneNumber.of("+18440123456"))
            .sourceDisplayName("Contoso Support")
            .operationContext("add-1")
            .callbackUri(URI.create("https://app.example/cb"))
            .callingContext(CallingContext.builder().userToUser("abc").build())
            .build();

    assertThat(wire(MAPPER.add(add, "add-1", RAW_IDS)))
        .isEqualTo(
            tree(
                """
                {"sourceCallerIdNumber":{"value":"+18440123456"},
                 "sourceDisplayName":"Contoso Support",
                 "participantToAdd":{"kind":"phoneNumber","rawId":"4:+14255550199",
                   "phoneNumber":{"value":"+14255550199"}},
                 "invitationTimeoutInSeconds":30,
                 "operationContext":"add-1",
                 "operationCallbackUri":"https://app.example/cb",
                 "customCallingContext":{"sipHeaders":{"User-To-User":"abc"}}}
                """));
  }

  @Test
  void sendsAZeroInvitationTimeout() {
    AddParticipant add =
        AddParticipant.builder("call-1", AcsUser.of(ACS_ID))
            .invitationTimeout(Duration.ZERO)
            .build();

    assertThat(wire(MAPPER.add(add, "op", RAW_IDS)).get("invitationTimeoutInSeconds").intValue())
        .isZero();
  }

  @Test
  void mapsACancellation() {
    CancelAddParticipant cancel =
        new CancelAddParticipant(
            "call-1",
            "1bc8007b-043f-4904-bee5-a944190da5a3",
            Optional.of("cancel-1"),
            Optional.of(URI.create("https://app.example/cb")));

    assertThat(wire(MAPPER.cancel(cancel, "cancel-1")))
        .isEqualTo(
            tree(
                "{\"invitationId\":\"1bc8007b-043f-4904-bee5-a944190da5a3\","
                    + "\"operationContext\":\"cancel-1\","
                    + "\"operationCallbackUri\":\"https://app.example/cb\"}"));
  }

  @Test
  void mapsARedirectToItsOneTarget() {
    RedirectCall redirect =
        RedirectCall.builder("server-call-1", "ctxABC", List.of(AcsUser.of("8:acs:r_u2"))).build();

    assertThat(wire(MAPPER.redirect(redirect, RAW_IDS)))
        .isEqualTo(
            tree(
                "{\"incomingCallContext\":\"ctxABC\",\"target\":{\"kind\":\"communicationUser\","
                    + "\"rawId\":\"8:acs:r_u2\",\"communicationUser\":{\"id\":\"8:acs:r_u2\"}}}"));
  }

  @Test
  void refusesARedirectToSeveralTargets() {
    RedirectCall redirect =
        RedirectCall.builder(
                "server-call-1",
                "ctxABC",
                List.of(AcsUser.of("8:acs:r_u2"), PhoneNumber.of("+14255550123")))
            .build();

    assertThatThrownBy(() -> MAPPER.redirect(redirect, RAW_IDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one target");
  }

  @Test
  void mapsATransfereeIdentifiedByIdentityOnly() {
    CallTransfer transfer =
        CallTransfer.builder("call-1", AcsUser.of(ACS_ID))
            .transferee(Transferee.of(TeamsUser.of("caller-oid")))
            .build();

    assertThat(wire(MAPPER.transfer(transfer, "op", NO_RAW_IDS)).get("transferee"))
        .isEqualTo(
            tree(
                "{\"kind\":\"microsoftTeamsUser\","
                    + "\"microsoftTeamsUser\":{\"userId\":\"caller-oid\",\"cloud\":\"public\"}}"));
  }
}
