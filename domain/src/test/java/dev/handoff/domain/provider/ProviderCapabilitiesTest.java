package dev.handoff.domain.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProviderCapabilitiesTest {
  private static final PhoneNumber TARGET = PhoneNumber.of("+14255550123");
  private static final URI CALLBACK = URI.create("https://app.example/cb");

  private static final ProviderCapabilities NOTHING =
      ProviderCapabilities.builder(ProviderId.of("bare")).build();

  private static final ProviderCapabilities EVERYTHING =
      ProviderCapabilities.builder(ProviderId.of("full"))
          .supports(Capability.values())
          .addresses(ParticipantKind.values())
          .maxRedirectTargets(25)
          .redirectRingTimeout(15, 90)
          .build();

  private static List<String> problems(ProviderCapabilities capabilities, Object command) {
    return capabilities.check((dev.handoff.domain.command.CallCommand) command).stream()
        .map(CapabilityViolation::toString)
        .collect(Collectors.toList());
  }

  @Test
  void aTransferNamesEveryFeatureTheProviderLacks() {
    CallTransfer transfer =
        CallTransfer.builder("call-1", TeamsUser.of("agent").withDisplayName("Agent"))
            .transferee(Transferee.of(TARGET, "p-1"))
            .replacing("consult-1")
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .callbackUri(CALLBACK)
            .callingContext(
                CallingContext.builder()
                    .userToUser("aa")
                    .sipHeader("X-a", "b")
                    .voipHeader("k", "v")
                    .teamsPhoneCallDetails(
                        TeamsPhoneCallDetails.builder().intent("billing").build())
                    .build())
            .build();
    assertThat(problems(NOTHING, transfer))
        .containsExactly(
            "CallTransfer: does not support call transfer",
            "target: cannot address TEAMS_USER participants",
            "target.displayName: does not support display names on participants",
            "transferee: does not support a transferee",
            "transferee.participant: cannot address PHONE_NUMBER participants",
            "transferee.callParticipantId: does not support the transferee's participant id",
            "mode: does not support consultative transfer (replacing a consultation call)",
            "sourceCallerId: does not support a source caller id on transfer",
            "callbackUri: does not support a per-operation callback URI on transfer",
            "callingContext.userToUser: does not support SIP User-To-User information",
            "callingContext.sipHeaders: does not support custom SIP headers",
            "callingContext.voipHeaders: does not support VoIP headers",
            "callingContext.teamsPhoneCallDetails: does not support Teams phone call details");
    assertThat(EVERYTHING.check(transfer)).isEmpty();
  }

  @Test
  void addCancelAndRedirectAreCheckedToo() {
    AddParticipant add =
        AddParticipant.builder("call-1", TeamsExtensionUser.of("u", "t", "r"))
            .invitationTimeout(Duration.ofSeconds(30))
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .sourceDisplayName("Bot")
            .callbackUri(CALLBACK)
            .build();
    assertThat(problems(NOTHING, add))
        .containsExactly(
            "AddParticipant: does not support adding a participant",
            "participant: cannot address TEAMS_EXTENSION_USER participants",
            "invitationTimeout: does not support an invitation timeout",
            "sourceCallerId: does not support a source caller id on add participant",
            "sourceDisplayName: does not support a source display name",
            "callbackUri: does not support a per-operation callback URI on add participant");
    CancelAddParticipant cancel =
        new CancelAddParticipant(
            "call-1", "inv", java.util.Optional.empty(), java.util.Optional.of(CALLBACK));
    assertThat(problems(NOTHING, cancel))
        .containsExactly(
            "CancelAddParticipant: does not support cancelling an invitation",
            "callbackUri: does not support a per-operation callback URI on cancel");
    RedirectCall redirect =
        RedirectCall.builder("call-1", "ctx", List.of(TARGET, PhoneNumber.of("+14255550199")))
            .ringTimeout(Duration.ofSeconds(10))
            .callbackUri(CALLBACK)
            .build();
    assertThat(problems(NOTHING, redirect))
        .containsExactly(
            "RedirectCall: does not support redirecting an incoming call",
            "targets[0]: cannot address PHONE_NUMBER participants",
            "targets[1]: cannot address PHONE_NUMBER participants",
            "targets: accepts at most 0 redirect target(s), got 2",
            "ringTimeout: does not support a ring timeout on redirect",
            "callbackUri: does not support a callback URI on redirect");
    assertThat(problems(EVERYTHING, redirect))
        .containsExactly("ringTimeout: accepts ring timeouts of 15 to 90 seconds, got 10");
  }

  @Test
  void requireSupportedThrowsNamingTheProviderAndEveryProblem() {
    CallTransfer transfer =
        CallTransfer.builder("call-1", TARGET)
            .callingContext(CallingContext.builder().sipHeader("X-a", "b").build())
            .build();
    ProviderCapabilities graphLike =
        ProviderCapabilities.builder(ProviderId.of("graph"))
            .supports(Capability.TRANSFER)
            .addresses(ParticipantKind.PHONE_NUMBER)
            .build();
    assertThatThrownBy(() -> graphLike.requireSupported(transfer))
        .isInstanceOfSatisfying(
            UnsupportedByProviderException.class,
            e -> {
              assertThat(e.provider()).isEqualTo(ProviderId.of("graph"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Provider 'graph' cannot carry: callingContext.sipHeaders: does not support"
                          + " custom SIP headers");
            });
    assertThatCode(() -> graphLike.requireSupported(CallTransfer.builder("c", TARGET).build()))
        .doesNotThrowAnyException();
  }

  private static final ProviderCapabilities LIMITED =
      ProviderCapabilities.builder(ProviderId.of("limited"))
          .supports(Capability.values())
          .addresses(ParticipantKind.values())
          .maxRedirectTargets(1)
          .limits(
              ProviderLimits.builder()
                  .operationContextLength(8)
                  .invitationTimeoutSeconds(30)
                  .sipHeaders(1, 12, 4)
                  .voipHeaders(1, 3, 5)
                  .callTopicLength(6)
                  .additionalCallerInformation(1)
                  .phoneInvitationNeedsSourceCallerId()
                  .build())
          .build();

  @Test
  void theProvidersLimitsAreCheckedWithItsCapabilities() {
    CallingContext tooMuch =
        CallingContext.builder()
            .userToUser("uuiuu")
            .sipHeader("X-MS-Custom-a", "12345")
            .sipHeader("X-b", "1")
            .voipHeader("long", "123456")
            .voipHeader("k", "v")
            .teamsPhoneCallDetails(
                TeamsPhoneCallDetails.builder()
                    .callTopic("topic!!")
                    .callerDetails(
                        new dev.handoff.domain.context.TeamsPhoneCallerDetails(
                            TARGET,
                            "Dana",
                            "+14255550123",
                            null,
                            null,
                            null,
                            java.util.Map.of("a", "1", "b", "2")))
                    .build())
            .build();
    AddParticipant add =
        AddParticipant.builder("call-1", TARGET)
            .operationContext("123456789")
            .invitationTimeout(Duration.ofSeconds(31))
            .callingContext(tooMuch)
            .build();
    assertThat(problems(LIMITED, add))
        .containsExactly(
            "operationContext: accepts at most 8 characters of operation context, got 9",
            "invitationTimeout: accepts at most 30 seconds of invitation timeout, got 31",
            "sourceCallerId: is required to invite a phone number: the provider shows it to the"
                + " callee as the caller id",
            "callingContext.userToUser: accepts at most 4 characters of User-To-User value, got 5",
            "callingContext.sipHeaders: accepts at most 1 custom SIP headers besides User-To-User,"
                + " got 2",
            "callingContext.sipHeaders[X-MS-Custom-a]: accepts at most 12 characters of SIP header"
                + " name, prefix included, got 13",
            "callingContext.sipHeaders[X-MS-Custom-a]: accepts at most 4 characters of SIP header"
                + " value, got 5",
            "callingContext.voipHeaders: accepts at most 1 VoIP headers, got 2",
            "callingContext.voipHeaders[long]: accepts at most 3 characters of VoIP header name,"
                + " got 4",
            "callingContext.voipHeaders[long]: accepts at most 5 characters of VoIP header value,"
                + " got 6",
            "callingContext.teamsPhoneCallDetails.callTopic: accepts at most 6 characters of call"
                + " topic, got 7",
            "callingContext.teamsPhoneCallDetails.callerDetails.additionalCallerInformation:"
                + " accepts at most 1 additional caller information entries (it would ignore the"
                + " rest), got 2");
    assertThat(EVERYTHING.check(add)).as("a provider without limits").isEmpty();
  }

  @Test
  void anInvitationOfAPhoneNumberNeedsACallerIdOnlyWhereTheProviderSaysSo() {
    AddParticipant phone = AddParticipant.builder("call-1", TARGET).build();
    assertThat(problems(LIMITED, phone))
        .containsExactly(
            "sourceCallerId: is required to invite a phone number: the provider shows it to the"
                + " callee as the caller id");
    assertThat(
            LIMITED.check(
                AddParticipant.builder("call-1", TARGET)
                    .sourceCallerId(PhoneNumber.of("+18005550100"))
                    .build()))
        .isEmpty();
    assertThat(LIMITED.check(AddParticipant.builder("call-1", TeamsUser.of("agent")).build()))
        .as("a Teams user needs no caller id")
        .isEmpty();
    assertThat(EVERYTHING.check(phone)).isEmpty();
  }

  @Test
  void theOperationContextLimitAppliesWhereTheContextIsSentWithAnInvitation() {
    assertThat(
            LIMITED.check(
                CallTransfer.builder("call-1", TARGET).operationContext("123456789").build()))
        .isEmpty();
    assertThat(
            LIMITED.check(
                AddParticipant.builder("call-1", TeamsUser.of("agent"))
                    .operationContext("12345678")
                    .build()))
        .isEmpty();
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> ProviderLimits.builder().callTopicLength(0).build())
        .hasMessage("callTopicLength must be positive, was 0");
    assertThat(NOTHING.limits()).isEqualTo(ProviderLimits.NONE);
  }

  @Test
  void capabilitiesAreImmutableAndProviderIdsValidated() {
    assertThatThrownBy(() -> EVERYTHING.features().add(Capability.TRANSFER))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(EVERYTHING.supports(Capability.REPEATABLE_REQUESTS)).isTrue();
    assertThatThrownBy(() -> ProviderId.of("Not Valid"))
        .hasMessageContaining("must be 1 to 32 lower-case letters");
  }
}
