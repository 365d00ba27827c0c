package dev.handoff.domain.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.Briefing;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WarmHandoffCapabilitiesTest {
  private static final ProviderCapabilities CONSULTING =
      ProviderCapabilities.builder(ProviderId.of("graph-like"))
          .supports(
              Capability.WARM_HANDOFF,
              Capability.CONSULTATION_CALL,
              Capability.HOLD_AUDIO_FILE,
              Capability.PROMPT_AUDIO_FILE,
              Capability.TRANSFER)
          .addresses(ParticipantKind.PHONE_NUMBER, ParticipantKind.TEAMS_USER)
          .build();

  private static List<String> problems(ProviderCapabilities capabilities, WarmHandoff handoff) {
    return capabilities.check(handoff).stream()
        .map(CapabilityViolation::toString)
        .collect(Collectors.toList());
  }

  @Test
  void aProviderWithoutWarmHandoffsRefusesOneByName() {
    WarmHandoff least =
        WarmHandoff.builder("call-1", List.of(HandoffTarget.of(PhoneNumber.of("+14255550123"))))
            .build();
    ProviderCapabilities bare =
        ProviderCapabilities.builder(ProviderId.of("bare"))
            .addresses(ParticipantKind.PHONE_NUMBER)
            .build();
    assertThatThrownBy(() -> bare.requireSupported(least))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessage("Provider 'bare' cannot carry: WarmHandoff: does not support a warm handoff");
    assertThat(problems(CONSULTING, least)).isEmpty();
  }

  @Test
  void everyPartAProviderCannotCarryIsNamedWithItsPath() {
    WarmHandoff handoff =
        WarmHandoff.builder(
                "call-1",
                List.of(
                    HandoffTarget.of(PhoneNumber.of("+14255550123")),
                    HandoffTarget.of(AcsUser.of("8:acs:agent"))))
            .transferee(Transferee.of(PhoneNumber.of("+14255550100"), "p-1"))
            .holdAudio(Prompt.speech("Please hold"))
            .briefing(
                Briefing.of(
                    Prompt.speech("Invoice question"),
                    CallingContext.builder().userToUser("a1").build()))
            .fallback(Fallback.transferTo(AcsUser.of("8:acs:voicemail")))
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .callbackUri(URI.create("https://app.example/cb"))
            .build();
    assertThat(problems(CONSULTING, handoff))
        .containsExactly(
            "transferee.callParticipantId: does not support the transferee's participant id",
            "targets[1].participant: cannot address ACS_USER participants",
            "holdAudio: does not support spoken text (text-to-speech) as hold audio",
            "briefing.prompt: does not support spoken (text-to-speech) prompts",
            "briefing.callingContext.userToUser: does not support SIP User-To-User information",
            "fallback.participant: cannot address ACS_USER participants",
            "sourceCallerId: does not support a source caller id on add participant",
            "callbackUri: does not support a per-operation callback URI on a warm handoff");
  }

  @Test
  void audioFilesAreCheckedSeparatelyFromSpeech() {
    WarmHandoff files =
        WarmHandoff.builder("call-1", List.of(HandoffTarget.of(PhoneNumber.of("+14255550123"))))
            .holdAudio(Prompt.audio(URI.create("https://cdn.example/hold.wav")))
            .briefing(
                Briefing.of(
                    Prompt.audio(URI.create("https://cdn.example/brief.wav")),
                    CallingContext.EMPTY))
            .build();
    assertThat(problems(CONSULTING, files)).isEmpty();
    ProviderCapabilities speechOnly =
        ProviderCapabilities.builder(ProviderId.of("speech"))
            .supports(Capability.WARM_HANDOFF, Capability.HOLD_AUDIO_SPEECH)
            .addresses(ParticipantKind.PHONE_NUMBER)
            .build();
    assertThat(problems(speechOnly, files))
        .containsExactly(
            "holdAudio: does not support an audio file as hold audio",
            "briefing.prompt: does not support audio file prompts");
  }

  @Test
  void aProviderThatShowsTheCallerIdNeedsOneToInviteAPhoneTarget() {
    ProviderCapabilities acsLike =
        ProviderCapabilities.builder(ProviderId.of("acs-like"))
            .supports(Capability.WARM_HANDOFF, Capability.ADD_SOURCE_CALLER_ID)
            .addresses(ParticipantKind.PHONE_NUMBER, ParticipantKind.ACS_USER)
            .limits(ProviderLimits.builder().phoneInvitationNeedsSourceCallerId().build())
            .build();
    WarmHandoff toAPhone =
        WarmHandoff.builder(
                "call-1",
                List.of(
                    HandoffTarget.of(AcsUser.of("8:acs:agent")),
                    HandoffTarget.of(PhoneNumber.of("+14255550123"))))
            .build();
    assertThat(problems(acsLike, toAPhone))
        .containsExactly(
            "sourceCallerId: is required to invite a phone number (targets[1]): the provider"
                + " shows it to the callee as the caller id");
    WarmHandoff named =
        WarmHandoff.builder("call-1", toAPhone.targets())
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .build();
    assertThat(problems(acsLike, named)).isEmpty();
    WarmHandoff toAnAcsUser =
        WarmHandoff.builder("call-1", List.of(HandoffTarget.of(AcsUser.of("8:acs:agent")))).build();
    assertThat(problems(acsLike, toAnAcsUser)).isEmpty();
    assertThat(
            problems(
                CONSULTING,
                WarmHandoff.builder("call-1", toAPhone.targets().subList(1, 2)).build()))
        .as("a provider that does not show it")
        .isEmpty();
  }

  @Test
  void aTargetRingingLongerThanTheProvidersInvitationTimeoutIsNamed() {
    ProviderCapabilities shortInvitations =
        ProviderCapabilities.builder(ProviderId.of("short"))
            .supports(Capability.WARM_HANDOFF)
            .addresses(ParticipantKind.PHONE_NUMBER)
            .limits(ProviderLimits.builder().invitationTimeoutSeconds(60).build())
            .build();
    WarmHandoff handoff =
        WarmHandoff.builder(
                "call-1",
                List.of(
                    HandoffTarget.of(PhoneNumber.of("+14255550123"), Duration.ofSeconds(60)),
                    HandoffTarget.of(PhoneNumber.of("+14255550124"), Duration.ofSeconds(90))))
            .build();
    assertThat(problems(shortInvitations, handoff))
        .containsExactly(
            "targets[1].ringTimeout: accepts at most 60 seconds of invitation timeout, got 90");
  }

  @Test
  void anActionsOwnCallbackNeedsTheHandoffCallbackOverrideButAPlacedCallsDoesNot() {
    URI callback = URI.create("https://app.example/cb");
    Transferee caller = Transferee.of(PhoneNumber.of("+14255550100"), "p-1");
    ActionCommand[] directed = {
      new HoldParticipant("call-1", caller, Optional.empty(), Optional.of(callback)),
      new ResumeParticipant("call-1", caller, Optional.of(callback)),
      new PlayPrompt(
          "call-1",
          Prompt.audio(URI.create("https://cdn.example/brief.wav")),
          Optional.empty(),
          Optional.of(callback)),
    };
    for (ActionCommand action : directed) {
      assertThat(CONSULTING.check(action).stream().map(CapabilityViolation::toString))
          .as(action.action().wireName())
          .containsExactly(
              "callbackUri: does not support a per-operation callback URI on a warm handoff");
      assertThat(CONSULTING.check(action.withCallbackUri(null))).isEmpty();
    }
    assertThat(
            CONSULTING.check(new PlaceCall(PhoneNumber.of("+14255550123"), Optional.of(callback))))
        .as("a placed call's callback is the new call's own")
        .isEmpty();
  }
}
