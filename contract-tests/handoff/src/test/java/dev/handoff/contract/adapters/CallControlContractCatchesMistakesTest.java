package dev.handoff.contract.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.handoff.contract.port.CallControlContract;
import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.support.AcsEmulatorPlatform;
import dev.handoff.contract.support.DelegatingPlatform;
import dev.handoff.contract.support.GraphEmulatorPlatform;
import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.emulator.control.GraphCallSpec.GroupTransferEnd;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The port suite is not vacuous on Handoff's own adapters either: wrapped so that they declare or
 * carry things wrongly (commands, and a warm handoff's actions), the ACS and Graph adapters fail
 * exactly the tests of their mistakes, against the emulator, which shows what reached the provider.
 */
class CallControlContractCatchesMistakesTest {
  // The suites below run only inside these tests, through the JUnit test kit; Surefire leaves
  // classes with this tag out (see the pom), also when a -Dtest pattern would match them.
  static final String FIXTURE = "suite-fixture";

  @Test
  @DisplayName("fails an ACS adapter that claims consultative transfer and hides SIP headers")
  void failsAnAdapterThatClaimsTooMuchOrTooLittle() {
    Map<String, String> failed = failures(selectClass(MisdeclaringAcs.class));
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(display("consultativeTransfer"), display("sipHeaders"));
    assertThat(failed.get(display("sipHeaders")))
        .startsWith("SIP_HEADERS (custom SIP headers) with CallTransfer of call")
        .contains(
            "expected the adapter to refuse the command with UnsupportedByProviderException"
                + " naming 'callingContext.sipHeaders'");
  }

  @Test
  @DisplayName(
      "fails an ACS adapter that drops SIP headers and User-To-User and ignores the transfer's"
          + " callback URI")
  void failsAnAdapterThatDropsWhatItDeclares() {
    Map<String, String> failed = failures(selectClass(SloppyAcs.class));
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(
            display("sipHeaders"), display("userToUser"), display("transferCallbackOverride"));
    assertThat(failed.get(display("sipHeaders")))
        .contains("expected the SIP header X-MS-Custom-caseId=42 to reach the provider");
    assertThat(failed.get(display("userToUser")))
        .contains("expected the User-To-User value a1b2c3;encoding=hex to reach the provider");
    assertThat(failed.get(display("transferCallbackOverride")))
        .contains("expected the callback URI http://127.0.0.1:")
        .contains("to reach the provider; it received none");
  }

  @Test
  @DisplayName("fails a Graph adapter that drops participant display names")
  void failsAnAdapterThatDropsDisplayNames() {
    Map<String, String> failed =
        failures(
            selectMethod(GraphWithoutNames.class, "participantDisplayName"),
            selectMethod(GraphWithoutNames.class, "transfer"),
            selectMethod(GraphWithoutNames.class, "addParticipant"));
    assertThat(failed.keySet()).containsExactly(display("participantDisplayName"));
    assertThat(failed.get(display("participantDisplayName")))
        .startsWith("PARTICIPANT_DISPLAY_NAME (display names on participants) with CallTransfer")
        .contains("expected the display name \"Handoff contract suite\"")
        .contains("to reach the provider; it received none");
  }

  @Test
  @DisplayName(
      "fails an ACS adapter whose parser never reports a transfer past ACCEPTED, nor the call's"
          + " end")
  void failsAnAdapterThatNeverGoesPastAccepted() {
    Map<String, String> failed = failures(selectMethod(AcsNeverPastAccepted.class, "transfer"));
    assertThat(failed.keySet()).containsExactly(display("transfer"));
    assertThat(failed.get(display("transfer")))
        .startsWith("TRANSFER (call transfer) with CallTransfer of call")
        .contains("to a final state (COMPLETED, FAILED or CANCELLED)")
        .contains("it stands ACCEPTED")
        .contains("ACCEPTED is not done");
  }

  @Test
  @DisplayName(
      "fails a Graph adapter whose group transfers end only by the roster when it ignores the"
          + " call's changes")
  void failsATransferThatIsOnlyAccepted() {
    Map<String, String> failed = failures(selectClass(GraphBlindToTheCall.class));
    // The roster without the transferee is the only word that a group transfer ended: both tests
    // that transfer out of a group call fail, the rest pass.
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(display("transferee"), display("transfereeParticipantId"));
    assertThat(failed.get(display("transferee")))
        .startsWith("TRANSFEREE (")
        .contains("it stands ACCEPTED")
        .contains("ACCEPTED is not done");
  }

  @Test
  @DisplayName(
      "fails an ACS adapter that declares hold audio but holds with the service's music, and only"
          + " the tests of hold audio")
  void failsAnAdapterThatDropsTheHoldAudio() {
    Map<String, String> failed =
        failures(
            selectMethod(AcsWithoutHoldAudio.class, "holdAudioFile"),
            selectMethod(AcsWithoutHoldAudio.class, "holdAudioSpeech"),
            selectMethod(AcsWithoutHoldAudio.class, "warmHandoff"),
            selectMethod(AcsWithoutHoldAudio.class, "handoffCallbackOverride"));
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(display("holdAudioFile"), display("holdAudioSpeech"));
    assertThat(failed.get(display("holdAudioFile")))
        .startsWith("HOLD_AUDIO_FILE (an audio file as hold audio) with HoldParticipant of 4:+")
        .contains(
            "expected the hold audio the audio file"
                + " https://media.example/handoff-contract-suite/hold.wav to reach the provider; it"
                + " received none (the provider's own hold music)");
    assertThat(failed.get(display("holdAudioSpeech")))
        .startsWith("HOLD_AUDIO_SPEECH (spoken text (text-to-speech) as hold audio) with")
        .contains("expected the hold audio the text \"Please hold")
        .contains("it received none (the provider's own hold music)");
  }

  @Test
  @DisplayName(
      "fails an ACS adapter that removes participants and speaks prompts it does not declare,"
          + " instead of refusing them")
  void failsAnAdapterThatSendsActionsItDoesNotDeclare() {
    Map<String, String> failed =
        failures(
            selectMethod(AcsSendingUndeclaredActions.class, "removeParticipant"),
            selectMethod(AcsSendingUndeclaredActions.class, "promptSpeech"),
            selectMethod(AcsSendingUndeclaredActions.class, "promptAudioFile"),
            selectMethod(AcsSendingUndeclaredActions.class, "handoffCallbackOverride"));
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(display("removeParticipant"), display("promptSpeech"));
    assertThat(failed.get(display("removeParticipant")))
        .startsWith(
            "REMOVE_PARTICIPANT (removing a participant) with RemoveParticipant of 4:+14255550199"
                + " from call contract-suite-call")
        .contains(
            "expected the adapter to refuse the action with UnsupportedByProviderException"
                + " naming 'RemoveParticipant' before sending anything");
    assertThat(failed.get(display("promptSpeech")))
        .startsWith("PROMPT_SPEECH (spoken (text-to-speech) prompts) with PlayPrompt of the text")
        .contains(
            "expected the adapter to refuse the action with UnsupportedByProviderException"
                + " naming 'prompt' before sending anything");
  }

  private static Map<String, String> failures(DiscoverySelector... selectors) {
    List<Event> failed =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectors)
            .execute()
            .testEvents()
            .failed()
            .list();
    return failed.stream()
        .collect(
            Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName(),
                event ->
                    event
                        .getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse("")));
  }

  private static String display(String method) {
    try {
      return CallControlContract.class
          .getDeclaredMethod(method)
          .getAnnotation(DisplayName.class)
          .value();
    } catch (NoSuchMethodException e) {
      throw new AssertionError("the suite has no test " + method, e);
    }
  }

  /** ACS behind capabilities that add consultative transfer and leave out SIP headers. */
  @Tag(FIXTURE)
  static final class MisdeclaringAcs extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          AcsEmulatorPlatform.start(),
          honest -> {
            Set<Capability> claimed = EnumSet.copyOf(honest.features());
            claimed.add(Capability.CONSULTATIVE_TRANSFER);
            claimed.remove(Capability.SIP_HEADERS);
            return new ProviderCapabilities(
                honest.provider(),
                claimed,
                honest.addressable(),
                honest.maxRedirectTargets(),
                honest.redirectRingTimeout());
          },
          UnaryOperator.identity());
    }
  }

  /**
   * ACS that declares what it always did, but sends no SIP headers, no UUI, no transfer callback.
   */
  @Tag(FIXTURE)
  static final class SloppyAcs extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          AcsEmulatorPlatform.start(), UnaryOperator.identity(), SloppyAcs::drop);
    }

    private static CallCommand drop(CallCommand command) {
      if (!(command instanceof CallTransfer)) {
        return command;
      }
      CallTransfer transfer = (CallTransfer) command;
      CallingContext kept =
          new CallingContext(
              java.util.Optional.empty(),
              Map.of(),
              transfer.callingContext().voipHeaders(),
              transfer.callingContext().teamsPhoneCallDetails());
      return new CallTransfer(
          transfer.callId(),
          transfer.target(),
          transfer.transferee(),
          transfer.mode(),
          kept,
          transfer.operationContext(),
          transfer.sourceCallerId(),
          java.util.Optional.empty());
    }
  }

  /** Graph that declares participant display names and sends none. */
  @Tag(FIXTURE)
  static final class GraphWithoutNames extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          GraphEmulatorPlatform.start(), UnaryOperator.identity(), GraphWithoutNames::unnamed);
    }

    private static CallCommand unnamed(CallCommand command) {
      if (!(command instanceof CallTransfer)) {
        return command;
      }
      CallTransfer transfer = (CallTransfer) command;
      return new CallTransfer(
          transfer.callId(),
          unnamed(transfer.target()),
          transfer.transferee(),
          transfer.mode(),
          transfer.callingContext(),
          transfer.operationContext(),
          transfer.sourceCallerId(),
          transfer.callbackUri());
    }

    private static Participant unnamed(Participant participant) {
      if (participant instanceof PhoneNumber) {
        return PhoneNumber.of(((PhoneNumber) participant).value());
      }
      if (participant instanceof TeamsUser) {
        TeamsUser user = (TeamsUser) participant;
        TeamsUser bare = TeamsUser.of(user.userId());
        return user.tenantId().map(bare::withTenantId).orElse(bare);
      }
      return participant;
    }
  }

  /**
   * ACS that declares both kinds of hold audio, but holds every caller with the service's music.
   */
  @Tag(FIXTURE)
  static final class AcsWithoutHoldAudio extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          AcsEmulatorPlatform.start(),
          UnaryOperator.identity(),
          UnaryOperator.identity(),
          AcsWithoutHoldAudio::withoutAudio);
    }

    private static ActionCommand withoutAudio(ActionCommand action) {
      if (!(action instanceof HoldParticipant)) {
        return action;
      }
      HoldParticipant hold = (HoldParticipant) action;
      return new HoldParticipant(
          hold.callId(), hold.participant(), java.util.Optional.empty(), hold.callbackUri());
    }
  }

  /**
   * ACS that leaves removal and spoken prompts out of what it declares, yet sends both when asked
   * instead of refusing them.
   */
  @Tag(FIXTURE)
  static final class AcsSendingUndeclaredActions extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          AcsEmulatorPlatform.start(),
          honest -> {
            Set<Capability> claimed = EnumSet.copyOf(honest.features());
            claimed.remove(Capability.REMOVE_PARTICIPANT);
            claimed.remove(Capability.PROMPT_SPEECH);
            return new ProviderCapabilities(
                honest.provider(),
                claimed,
                honest.addressable(),
                honest.maxRedirectTargets(),
                honest.redirectRingTimeout(),
                honest.limits());
          },
          UnaryOperator.identity(),
          UnaryOperator.identity());
    }
  }

  /**
   * ACS whose parser reports a finished transfer as ACCEPTED and never as COMPLETED, and keeps
   * nothing of the call's changes (the service would take the transferor's call ending after an
   * ACCEPTED transfer for its completion).
   */
  @Tag(FIXTURE)
  static final class AcsNeverPastAccepted extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          AcsEmulatorPlatform.start(), UnaryOperator.identity(), UnaryOperator.identity()) {
        @Override
        public List<ProviderEvent> parse(Delivery delivery) {
          return super.parse(delivery).stream()
              .filter(event -> !(event instanceof CallLifecycleEvent))
              .map(AcsNeverPastAccepted::neverCompleted)
              .collect(Collectors.toList());
        }

        // The events of the emulator's ACS at time scale 0.05 arrive within a few hundred
        // milliseconds; two seconds is plenty to see that no final state follows.
        @Override
        public Duration eventTimeout() {
          return Duration.ofSeconds(2);
        }
      };
    }

    private static ProviderEvent neverCompleted(ProviderEvent event) {
      if (!(event instanceof OperationUpdate)) {
        return event;
      }
      OperationUpdate update = (OperationUpdate) event;
      if (update.scope() != OperationKind.TRANSFER || update.progress() != Progress.COMPLETED) {
        return update;
      }
      return new OperationUpdate(
          update.meta(),
          update.callId(),
          update.scope(),
          Progress.ACCEPTED,
          update.correlation(),
          update.invitationId(),
          update.participant(),
          update.failure(),
          update.evidence());
    }
  }

  /**
   * Graph's group calls ending the roster way, read by a parser that keeps only the operations' own
   * updates: the transfer is ACCEPTED and nothing more is heard of it, as when the suite counted
   * ACCEPTED as the end.
   */
  @Tag(FIXTURE)
  static final class GraphBlindToTheCall extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new DelegatingPlatform(
          GraphEmulatorPlatform.start(GroupTransferEnd.ROSTER),
          UnaryOperator.identity(),
          UnaryOperator.identity()) {
        @Override
        public List<ProviderEvent> parse(Delivery delivery) {
          return super.parse(delivery).stream()
              .filter(event -> !(event instanceof CallLifecycleEvent))
              .collect(Collectors.toList());
        }
      };
    }
  }
}
