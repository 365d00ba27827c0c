package dev.handoff.contract.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.handoff.contract.port.fake.FakePlatform;
import dev.handoff.contract.port.fake.Mistake;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The suite fails every wrong adapter and passes every right one: run against a fake provider in
 * memory, right by default and wrong in one way at a time, it fails exactly the tests of the
 * mistake, each with a message that names the capability, the command and what was expected.
 */
class CallControlContractSelfTest {
  // The suites below run only inside these tests, through the JUnit test kit; Surefire leaves
  // classes with this tag out (see the pom), also when a -Dtest pattern would match them.
  static final String FIXTURE = "suite-fixture";

  private static final int TESTS = testCount();

  private static int testCount() {
    int count = 0;
    for (java.lang.reflect.Method method : CallControlContract.class.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Test.class)) {
        count++;
      }
    }
    return count;
  }

  private static Events run(Class<? extends CallControlContract> suite) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(suite))
        .execute()
        .testEvents();
  }

  private static Map<String, String> failures(Events events) {
    return events.failed().stream()
        .collect(
            Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName(),
                CallControlContractSelfTest::message));
  }

  private static String message(Event event) {
    return event
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .map(Throwable::getMessage)
        .orElse("");
  }

  private static Set<String> names(List<Event> events) {
    return events.stream()
        .map(event -> event.getTestDescriptor().getDisplayName())
        .collect(Collectors.toSet());
  }

  private static void passesEverything(Class<? extends CallControlContract> suite) {
    Events events = run(suite);
    assertThat(failures(events)).as("failed tests").isEmpty();
    assertThat(events.skipped().count() + events.aborted().count()).as("skipped tests").isZero();
    assertThat(events.succeeded().count()).as("passed tests").isEqualTo(TESTS);
  }

  // ------------------------------------------------------------------ right adapters pass

  @Test
  @DisplayName("a right adapter that carries everything passes every test")
  void passesARightAdapter() {
    passesEverything(Right.class);
  }

  @Test
  @DisplayName("REDIRECT_RING_TIMEOUT declared without a range: passes, 1 s and 3600 s carried")
  void passesARingTimeoutWithoutRange() {
    passesEverything(RingTimeoutWithoutRange.class);
  }

  @Test
  @DisplayName(
      "REDIRECT_RING_TIMEOUT declared 1..3600: passes, the suite builds no invalid command")
  void passesTheModelsWholeRange() {
    passesEverything(RingTimeoutWholeRange.class);
  }

  @Test
  @DisplayName("REDIRECT_RING_TIMEOUT declared 15..90: passes, 14 s and 91 s refused")
  void passesANarrowRange() {
    passesEverything(RingTimeoutNarrowRange.class);
  }

  @Test
  @DisplayName("an adapter that declares only transfer passes: everything else is refused")
  void passesAMinimalAdapter() {
    passesEverything(TransferOnly.class);
  }

  // ------------------------------------------------------------------ wrong adapters fail

  @Test
  @DisplayName("fails a transfer that never goes past ACCEPTED")
  void failsNeverPastAccepted() {
    Map<String, String> failed = failures(run(NeverPastAccepted.class));
    String transfer = display("transfer");
    assertThat(failed).containsKey(transfer);
    assertThat(failed.get(transfer))
        .contains("TRANSFER (call transfer) with CallTransfer of call")
        .contains("expected the provider's events to bring the TRANSFER")
        .contains("to a final state (COMPLETED, FAILED or CANCELLED)")
        .contains("reported [ACCEPTED, ACCEPTED]")
        .contains("ACCEPTED is not done");
    // Every test that waits for a transfer to finish fails; nothing else does.
    assertThat(failed.values()).allMatch(message -> message.contains("ACCEPTED is not done"));
    assertThat(failed)
        .containsKeys(
            display("consultativeTransfer"),
            display("transferee"),
            display("sipHeaders"),
            display("phoneNumber"));
  }

  @Test
  @DisplayName("fails an adapter that declares SIP headers and User-To-User but drops both")
  void failsDroppedSipHeadersAndUserToUser() {
    Map<String, String> failed = failures(run(DropsSipAndUui.class));
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(display("sipHeaders"), display("userToUser"));
    assertThat(failed.get(display("sipHeaders")))
        .startsWith("SIP_HEADERS (custom SIP headers) with CallTransfer of call")
        .contains(
            "expected the SIP header X-MS-Custom-caseId=42 to reach the provider; it received no"
                + " such header")
        .contains("expected the SIP header X-Queue=billing to reach the provider");
    assertThat(failed.get(display("userToUser")))
        .startsWith("USER_TO_USER (SIP User-To-User information) with CallTransfer of call")
        .contains(
            "expected the User-To-User value a1b2c3;encoding=hex to reach the provider; it"
                + " received none");
  }

  @Test
  @DisplayName("fails an adapter that declares display names but drops them")
  void failsDroppedDisplayNames() {
    Map<String, String> failed = failures(run(DropsDisplayNames.class));
    assertThat(failed.keySet()).containsExactly(display("participantDisplayName"));
    assertThat(failed.get(display("participantDisplayName")))
        .startsWith("PARTICIPANT_DISPLAY_NAME (display names on participants) with CallTransfer")
        .contains("named \"Handoff contract suite\"")
        .contains("expected the display name \"Handoff contract suite\" of 4:+1425555")
        .contains("to reach the provider; it received none");
  }

  @Test
  @DisplayName("fails an adapter that declares a per-transfer callback URI but ignores it")
  void failsIgnoredTransferCallback() {
    Map<String, String> failed = failures(run(IgnoresTransferCallback.class));
    assertThat(failed.keySet()).containsExactly(display("transferCallbackOverride"));
    assertThat(failed.get(display("transferCallbackOverride")))
        .startsWith(
            "TRANSFER_CALLBACK_OVERRIDE (a per-operation callback URI on transfer) with"
                + " CallTransfer")
        .contains(
            "expected the callback URI https://app.example/fake/callbacks to reach the"
                + " provider; it received none");
  }

  @Test
  @DisplayName(
      "fails an adapter that sends SIP headers it does not declare, saying what it expected")
  void failsUndeclaredSipHeaders() {
    Map<String, String> failed = failures(run(SendsUndeclaredSip.class));
    assertThat(failed.keySet()).containsExactly(display("sipHeaders"));
    assertThat(failed.get(display("sipHeaders")))
        .startsWith(
            "SIP_HEADERS (custom SIP headers) with CallTransfer of call contract-suite-call")
        .contains(
            "expected check(command) to name 'callingContext.sipHeaders' as something the adapter"
                + " cannot carry");
  }

  @Test
  @DisplayName("fails an adapter that declares hold audio but holds with the provider's music")
  void failsDroppedHoldAudio() {
    Map<String, String> failed = failures(run(DropsHoldAudio.class));
    assertThat(failed.keySet())
        .containsExactlyInAnyOrder(display("holdAudioFile"), display("holdAudioSpeech"));
    assertThat(failed.get(display("holdAudioFile")))
        .startsWith(
            "HOLD_AUDIO_FILE (an audio file as hold audio) with HoldParticipant of 4:+1425555")
        .contains(
            "expected the hold audio the audio file"
                + " https://media.example/handoff-contract-suite/hold.wav to reach the provider; it"
                + " received none (the provider's own hold music)");
    assertThat(failed.get(display("holdAudioSpeech")))
        .contains(
            "expected the hold audio the text \"Please hold while we find someone to help you.\""
                + " in en-US spoken by en-US-JennyNeural to reach the provider");
  }

  @Test
  @DisplayName("an adapter that declares no warm handoff passes by refusing every action")
  void passesAnAdapterWithoutWarmHandoffs() {
    passesEverything(WithoutWarmHandoffs.class);
  }

  // ------------------------------------------------------------------ what cannot be observed

  @Test
  @DisplayName("a check the platform cannot observe is reported skipped with the platform's reason")
  void reportsUnobservableChecksAsSkippedWithTheReason() {
    Events events = run(CallbackUnobservable.class);
    assertThat(failures(events)).isEmpty();
    assertThat(names(events.aborted().list()))
        .containsExactlyInAnyOrder(
            display("transferCallbackOverride"),
            display("addCallbackOverride"),
            display("cancelCallbackOverride"),
            display("redirectCallbackOverride"),
            display("handoffCallbackOverride"));
    assertThat(
            events.aborted().stream()
                .map(CallControlContractSelfTest::message)
                .collect(Collectors.toList()))
        .allMatch(
            message ->
                message.contains(
                    "not checked, because the platform cannot observe the"
                        + " per-operation callback URI (CALLBACK_URI): the callbacks go to a URL"
                        + " this test cannot read"));
    assertThat(events.succeeded().count()).isEqualTo(TESTS - 5);
  }

  @Test
  @DisplayName("an unobservable check is not made: the callback-ignoring adapter then passes it")
  void doesNotCheckWhatItCannotObserve() {
    Events events = run(IgnoresTransferCallbackUnobserved.class);
    assertThat(failures(events)).isEmpty();
    assertThat(names(events.aborted().list())).contains(display("transferCallbackOverride"));
  }

  // ------------------------------------------------------------------ the suite's own facts

  @Test
  @DisplayName("the suite's ring-timeout bounds are the model's")
  void ringTimeoutBoundsAreTheModels() {
    RedirectCall.Builder redirect =
        RedirectCall.builder("call", "context", List.of(PhoneNumber.of("+14255550100")));
    redirect.ringTimeout(Duration.ofSeconds(CallControlContract.MODEL_MIN_RING)).build();
    redirect.ringTimeout(Duration.ofSeconds(CallControlContract.MODEL_MAX_RING)).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                redirect
                    .ringTimeout(Duration.ofSeconds(CallControlContract.MODEL_MIN_RING - 1))
                    .build())
        .hasMessageContaining("ringTimeout");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                redirect
                    .ringTimeout(Duration.ofSeconds(CallControlContract.MODEL_MAX_RING + 1))
                    .build())
        .hasMessageContaining("ringTimeout");
  }

  @Test
  @DisplayName("every test has a readable display name that starts with what it tests")
  void namesEveryTestReadably() {
    Events events = run(Right.class);
    assertThat(names(events.list()))
        .contains(
            "SIP_HEADERS: every custom SIP header reaches the provider intact, or is refused",
            "TEAMS_APP participants are reached when addressable, refused when not")
        .noneMatch(name -> name.matches(".*\\[\\d+\\].*") || name.endsWith("()"));
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

  // ------------------------------------------------------------------ the adapters

  @Tag(FIXTURE)
  static final class Right extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().build());
    }
  }

  @Tag(FIXTURE)
  static final class RingTimeoutWithoutRange extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().build());
    }
  }

  @Tag(FIXTURE)
  static final class RingTimeoutWholeRange extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().redirectRingTimeout(1, 3600).build());
    }
  }

  @Tag(FIXTURE)
  static final class RingTimeoutNarrowRange extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().redirectRingTimeout(15, 90).build());
    }
  }

  @Tag(FIXTURE)
  static final class TransferOnly extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(
          dev.handoff.domain.provider.ProviderCapabilities.builder(
                  dev.handoff.domain.provider.ProviderId.of("fake"))
              .supports(Capability.TRANSFER)
              .addresses(dev.handoff.domain.participant.ParticipantKind.PHONE_NUMBER)
              .build());
    }
  }

  @Tag(FIXTURE)
  static final class NeverPastAccepted extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().build(), Mistake.NEVER_PAST_ACCEPTED);
    }
  }

  @Tag(FIXTURE)
  static final class DropsSipAndUui extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(
          FakePlatform.everything().build(), Mistake.DROPS_SIP_HEADERS_AND_USER_TO_USER);
    }
  }

  @Tag(FIXTURE)
  static final class DropsDisplayNames extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().build(), Mistake.DROPS_DISPLAY_NAMES);
    }
  }

  @Tag(FIXTURE)
  static final class IgnoresTransferCallback extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().build(), Mistake.IGNORES_TRANSFER_CALLBACK);
    }
  }

  @Tag(FIXTURE)
  static final class SendsUndeclaredSip extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(
          FakePlatform.everythingBut(Capability.SIP_HEADERS).build(),
          Mistake.SENDS_UNDECLARED_SIP_HEADERS);
    }
  }

  @Tag(FIXTURE)
  static final class DropsHoldAudio extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(FakePlatform.everything().build(), Mistake.DROPS_HOLD_AUDIO);
    }
  }

  @Tag(FIXTURE)
  static final class WithoutWarmHandoffs extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(
          FakePlatform.everythingBut(
                  Capability.WARM_HANDOFF,
                  Capability.CONSULTATION_CALL,
                  Capability.REMOVE_PARTICIPANT,
                  Capability.HOLD_AUDIO_SPEECH,
                  Capability.HOLD_AUDIO_FILE,
                  Capability.PROMPT_SPEECH,
                  Capability.PROMPT_AUDIO_FILE,
                  Capability.HANDOFF_CALLBACK_OVERRIDE)
              .build());
    }
  }

  @Tag(FIXTURE)
  static final class CallbackUnobservable extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(
          FakePlatform.everything().build(),
          Set.of(),
          Map.of(Observation.CALLBACK_URI, "the callbacks go to a URL this test cannot read"));
    }
  }

  @Tag(FIXTURE)
  static final class IgnoresTransferCallbackUnobserved extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return FakePlatform.of(
          FakePlatform.everything().build(),
          Set.of(Mistake.IGNORES_TRANSFER_CALLBACK),
          Map.of(Observation.CALLBACK_URI, "the callbacks go to a URL this test cannot read"));
    }
  }
}
