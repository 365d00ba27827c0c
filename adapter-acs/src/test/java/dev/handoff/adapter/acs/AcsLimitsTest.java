package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ACS's limits, each at limit - 1, limit and limit + 1, and its caller-id rule for phone invites.
 */
class AcsLimitsTest {
  private static final PhoneNumber PHONE = PhoneNumber.of("+14255550199");
  private static final PhoneNumber OWNED = PhoneNumber.of("+18005550100");
  private static final AcsUser USER = AcsUser.of("8:acs:r_user");

  private final FakeAcsServer server = FakeAcsServer.start();
  private final AcsCallControl acs =
      AcsCallControl.builder().connectionString(server.connectionString()).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> problems(CallCommand command) {
    return acs.check(command).stream()
        .map(CapabilityViolation::toString)
        .collect(Collectors.toList());
  }

  private static CallTransfer transfer(CallingContext context) {
    return CallTransfer.builder("call-1", PHONE).callingContext(context).build();
  }

  private void accepted(CallCommand command, boolean accepted, String problem) {
    if (accepted) {
      assertThat(problems(command)).isEmpty();
    } else {
      assertThat(problems(command)).containsExactly(problem);
    }
  }

  @ParameterizedTest(name = "{0} custom SIP headers: accepted {1}")
  @CsvSource({"4, true", "5, true", "6, false"})
  void atMostFiveCustomSipHeaders(int count, boolean accepted) {
    CallingContext.Builder context = CallingContext.builder();
    for (int i = 0; i < count; i++) {
      context.sipHeader("X-h" + i, "v");
    }
    accepted(
        transfer(context.build()),
        accepted,
        "callingContext.sipHeaders: accepts at most 5 custom SIP headers besides User-To-User,"
            + " got 6");
  }

  @ParameterizedTest(name = "SIP header name of {0} characters: accepted {1}")
  @CsvSource({"63, true", "64, true", "65, false"})
  void sipHeaderNamesOfAtMost64Characters(int length, boolean accepted) {
    String name = "X-MS-Custom-" + "k".repeat(length - "X-MS-Custom-".length());
    accepted(
        transfer(CallingContext.builder().sipHeader(name, "v").build()),
        accepted,
        "callingContext.sipHeaders["
            + name
            + "]: accepts at most 64 characters of SIP header name, prefix included, got 65");
  }

  @ParameterizedTest(name = "SIP value of {0} characters: accepted {1}")
  @CsvSource({"255, true", "256, true", "257, false"})
  void sipValuesAndUserToUserOfAtMost256Characters(int length, boolean accepted) {
    accepted(
        transfer(CallingContext.builder().sipHeader("X-a", "v".repeat(length)).build()),
        accepted,
        "callingContext.sipHeaders[X-a]: accepts at most 256 characters of SIP header value, got"
            + " 257");
    accepted(
        transfer(CallingContext.builder().userToUser("u".repeat(length)).build()),
        accepted,
        "callingContext.userToUser: accepts at most 256 characters of User-To-User value, got 257");
  }

  @ParameterizedTest(name = "{0} VoIP headers: accepted {1}")
  @CsvSource({"999, true", "1000, true", "1001, false"})
  void atMost1000VoipHeaders(int count, boolean accepted) {
    Map<String, String> voip = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      voip.put("k" + i, "v");
    }
    accepted(
        CallTransfer.builder("call-1", USER)
            .callingContext(new CallingContext(null, null, voip, null))
            .build(),
        accepted,
        "callingContext.voipHeaders: accepts at most 1000 VoIP headers, got 1001");
  }

  @ParameterizedTest(name = "VoIP name {0} / value {1} characters: accepted {2}")
  @CsvSource({"63, 1023, true", "64, 1024, true", "65, 1025, false"})
  void voipNamesOfAtMost64AndValuesOfAtMost1024Characters(
      int nameLength, int valueLength, boolean accepted) {
    String name = "k".repeat(nameLength);
    CallTransfer transfer =
        CallTransfer.builder("call-1", USER)
            .callingContext(
                CallingContext.builder().voipHeader(name, "v".repeat(valueLength)).build())
            .build();
    if (accepted) {
      assertThat(problems(transfer)).isEmpty();
    } else {
      assertThat(problems(transfer))
          .containsExactly(
              "callingContext.voipHeaders["
                  + name
                  + "]: accepts at most 64 characters of VoIP header name, got 65",
              "callingContext.voipHeaders["
                  + name
                  + "]: accepts at most 1024 characters of VoIP header value, got 1025");
    }
  }

  @ParameterizedTest(name = "call topic of {0} characters: accepted {1}")
  @CsvSource({"47, true", "48, true", "49, false"})
  void aCallTopicOfAtMost48Characters(int length, boolean accepted) {
    accepted(
        transfer(
            CallingContext.builder()
                .teamsPhoneCallDetails(
                    TeamsPhoneCallDetails.builder().callTopic("t".repeat(length)).build())
                .build()),
        accepted,
        "callingContext.teamsPhoneCallDetails.callTopic: accepts at most 48 characters of call"
            + " topic, got 49");
  }

  @ParameterizedTest(name = "{0} additional caller information entries: accepted {1}")
  @CsvSource({"9, true", "10, true", "11, false"})
  void atMostTenAdditionalCallerInformationEntriesNoneSilentlyLost(int count, boolean accepted) {
    Map<String, String> information = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      information.put("k" + i, "v");
    }
    TeamsPhoneCallerDetails caller =
        new TeamsPhoneCallerDetails(PHONE, "Dana", "+14255550199", null, null, null, information);
    accepted(
        transfer(
            CallingContext.builder()
                .teamsPhoneCallDetails(
                    TeamsPhoneCallDetails.builder().callerDetails(caller).build())
                .build()),
        accepted,
        "callingContext.teamsPhoneCallDetails.callerDetails.additionalCallerInformation: accepts"
            + " at most 10 additional caller information entries (it would ignore the rest), got"
            + " 11");
  }

  @ParameterizedTest(name = "invitation timeout {0} s: accepted {1}")
  @CsvSource({"179, true", "180, true", "181, false"})
  void anInvitationRingsForAtMost180Seconds(int seconds, boolean accepted) {
    accepted(
        AddParticipant.builder("call-1", USER)
            .invitationTimeout(Duration.ofSeconds(seconds))
            .build(),
        accepted,
        "invitationTimeout: accepts at most 180 seconds of invitation timeout, got 181");
  }

  @ParameterizedTest(name = "operation context of {0} characters")
  @CsvSource({"255", "256", "257", "10000"})
  void theOperationContextHasNoLimitOnAcs(int length) {
    String context = "c".repeat(length);
    assertThat(problems(CallTransfer.builder("call-1", USER).operationContext(context).build()))
        .isEmpty();
    assertThat(problems(AddParticipant.builder("call-1", USER).operationContext(context).build()))
        .isEmpty();
  }

  @Test
  void aPhoneNumberIsInvitedOnlyWithASourceCallerIdAndNothingIsSentWithout() {
    AddParticipant add = AddParticipant.builder("call-1", PHONE).build();
    assertThat(problems(add))
        .containsExactly(
            "sourceCallerId: is required to invite a phone number: the provider shows it to the"
                + " callee as the caller id");
    assertThatThrownBy(
            () -> acs.addParticipant(add, SubmitContext.standalone(add, Clock.systemUTC())))
        .isInstanceOfSatisfying(
            UnsupportedByProviderException.class,
            e ->
                assertThat(e.violations())
                    .extracting(CapabilityViolation::path)
                    .containsExactly("sourceCallerId"));
    assertThat(server.requests()).isEmpty();

    assertThat(problems(AddParticipant.builder("call-1", PHONE).sourceCallerId(OWNED).build()))
        .isEmpty();
    assertThat(problems(AddParticipant.builder("call-1", TeamsUser.of("agent-1")).build()))
        .isEmpty();
    assertThat(problems(CallTransfer.builder("call-1", PHONE).build()))
        .as("a transfer to a phone number carries the transferee's caller id")
        .isEmpty();
  }

  @Test
  void aDefaultSourceCallerIdOfTheResourceIsSentWhenAPhoneInvitationNamesNone() {
    AcsCallControl withDefault =
        AcsCallControl.builder()
            .connectionString(server.connectionString())
            .defaultSourceCallerId(OWNED)
            .build();
    AddParticipant add = AddParticipant.builder("call-1", PHONE).build();
    assertThat(withDefault.check(add)).isEmpty();
    assertThat(withDefault.defaultSourceCallerId()).contains(OWNED);

    withDefault.addParticipant(add, SubmitContext.standalone(add, Clock.systemUTC()));
    AddParticipant named =
        AddParticipant.builder("call-1", PHONE)
            .sourceCallerId(PhoneNumber.of("+18005550111"))
            .build();
    withDefault.addParticipant(named, SubmitContext.standalone(named, Clock.systemUTC()));

    assertThat(server.requests()).hasSize(2);
    assertThat(
            Json.tree(server.requests().get(0).body()).at("/sourceCallerIdNumber/value").asText())
        .isEqualTo("+18005550100");
    assertThat(
            Json.tree(server.requests().get(1).body()).at("/sourceCallerIdNumber/value").asText())
        .as("a caller id the add names wins")
        .isEqualTo("+18005550111");
    assertThatThrownBy(
            () ->
                AcsCallControl.builder()
                    .connectionString(server.connectionString())
                    .defaultSourceCallerId(PhoneNumber.anonymousCaller()))
        .hasMessageContaining("defaultSourceCallerId");
  }
}
