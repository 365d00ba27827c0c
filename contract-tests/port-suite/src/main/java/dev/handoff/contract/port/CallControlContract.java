package dev.handoff.contract.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The suite any {@link CallControl} implementation must pass. Extend it, return your platform from
 * {@link #openPlatform()}, and run it with JUnit 5:
 *
 * <pre>{@code
 * class MyAdapterContractTest extends CallControlContract {
 *   @Override
 *   protected CallControlTestPlatform openPlatform() {
 *     return new MyPlatform(); // your adapter, and calls, scripts and events on your provider
 *   }
 * }
 * }</pre>
 *
 * <p>One test per {@link Capability} and per {@link ParticipantKind}, each named after it. For a
 * feature the adapter declares, the test submits a command that needs it and checks three things:
 * the adapter's synchronous answer; that the provider received every part of the command intact
 * ({@link CallControlTestPlatform#received}: targets, transferee, calling context entries, display
 * names, caller id, timeouts, callback URI, operation context); and that the provider's events,
 * read by the implementation's own parser, bring the operation to a final state. An operation is
 * done when it is COMPLETED, FAILED or CANCELLED: ACCEPTED is never taken for done. A transfer is
 * followed as the service follows it: every event the parser reads on the call is applied, the
 * operation's own updates and the call's changes (its end, a roster without the transferee), since
 * a provider may report a transfer's end by the call's own events. For a feature the adapter does
 * not declare, the test checks that the adapter refuses such a command with {@link
 * UnsupportedByProviderException}, names the offending field, reports the same through {@link
 * CallControl#check(CallCommand)}, and sends nothing to the provider.
 *
 * <p>A warm handoff's actions are tested one port method at a time, as its saga sends them, one
 * test per capability: {@code WARM_HANDOFF} (the call's participant list holds the caller, with the
 * participant id a hold names it by where the provider has one; a hold with the provider's music,
 * its resume and the application's hang-up), {@code HOLD_AUDIO_FILE} and {@code HOLD_AUDIO_SPEECH}
 * (a hold with that audio), {@code PROMPT_AUDIO_FILE} and {@code PROMPT_SPEECH} (a prompt to one
 * participant, or to everyone in the call where the adapter reaches agents on a consultation call),
 * {@code REMOVE_PARTICIPANT} (one party of a group call), {@code CONSULTATION_CALL} (a call placed
 * to a target, with its own callback URI) and {@code HANDOFF_CALLBACK_OVERRIDE} (the callback URI
 * of each of those actions the adapter declares). For a declared feature the adapter's answer must
 * be Completed or Accepted and the provider must have received the action intact ({@link
 * CallControlTestPlatform#received(String, dev.handoff.domain.action.CallAction)}: the participant,
 * the audio file or the text with its locale and voice, the callback URI, the correlation), and an
 * accepted action must be brought to COMPLETED by the provider's events; for an undeclared one the
 * action is refused as a command is.
 *
 * <p>Declared limits are held exactly: a redirect may name as many targets as declared and no more;
 * a ring timeout is carried at both ends of the declared range (or of the model's range when the
 * adapter declares none) and refused just outside it, where the model allows such a value.
 *
 * <p>Further: failures map to the neutral reasons (a declining invitee DECLINED, a busy one BUSY,
 * an unknown call NOT_FOUND synchronously); a submission whose answer is lost never executes twice
 * (an adapter with repeatable requests retries with the same token, also when the same context is
 * submitted again; one without returns {@link SubmitResult.Indeterminate} and does not re-send).
 *
 * <p>Every failure message starts with the capability (or topic) and the command, then says what
 * was expected and what happened. A platform that truly cannot observe something declares it in
 * {@link CallControlTestPlatform#unobservable()}: the suite then does not check that part, and the
 * tests that exist to check it report themselves skipped with the platform's reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CallControlContract {
  private static final String NOWHERE_CALL = "contract-suite-call";

  /** The shortest redirect ring timeout the model accepts, in seconds. */
  static final long MODEL_MIN_RING = 1;

  /** The longest redirect ring timeout the model accepts, in seconds. */
  static final long MODEL_MAX_RING = 3600;

  /** The test of each capability, by method name; {@link #everyCapabilityHasItsTest()} checks. */
  static final Map<Capability, String> TESTS;

  static {
    Map<Capability, String> tests = new EnumMap<>(Capability.class);
    tests.put(Capability.TRANSFER, "transfer");
    tests.put(Capability.CONSULTATIVE_TRANSFER, "consultativeTransfer");
    tests.put(Capability.TRANSFEREE, "transferee");
    tests.put(Capability.TRANSFEREE_PARTICIPANT_ID, "transfereeParticipantId");
    tests.put(Capability.TRANSFER_SOURCE_CALLER_ID, "transferSourceCallerId");
    tests.put(Capability.TRANSFER_CALLBACK_OVERRIDE, "transferCallbackOverride");
    tests.put(Capability.ADD_PARTICIPANT, "addParticipant");
    tests.put(Capability.INVITATION_TIMEOUT, "invitationTimeout");
    tests.put(Capability.ADD_SOURCE_CALLER_ID, "addSourceCallerId");
    tests.put(Capability.SOURCE_DISPLAY_NAME, "sourceDisplayName");
    tests.put(Capability.ADD_CALLBACK_OVERRIDE, "addCallbackOverride");
    tests.put(Capability.CANCEL_ADD_PARTICIPANT, "cancelAddParticipant");
    tests.put(Capability.CANCEL_CALLBACK_OVERRIDE, "cancelCallbackOverride");
    tests.put(Capability.REDIRECT, "redirect");
    tests.put(Capability.REDIRECT_RING_TIMEOUT, "redirectRingTimeout");
    tests.put(Capability.REDIRECT_CALLBACK_OVERRIDE, "redirectCallbackOverride");
    tests.put(Capability.SIP_HEADERS, "sipHeaders");
    tests.put(Capability.USER_TO_USER, "userToUser");
    tests.put(Capability.VOIP_HEADERS, "voipHeaders");
    tests.put(Capability.TEAMS_PHONE_CALL_DETAILS, "teamsPhoneCallDetails");
    tests.put(Capability.PARTICIPANT_DISPLAY_NAME, "participantDisplayName");
    tests.put(Capability.REPEATABLE_REQUESTS, "repeatableRequests");
    tests.put(Capability.WARM_HANDOFF, "warmHandoff");
    tests.put(Capability.CONSULTATION_CALL, "consultationCall");
    tests.put(Capability.REMOVE_PARTICIPANT, "removeParticipant");
    tests.put(Capability.HOLD_AUDIO_SPEECH, "holdAudioSpeech");
    tests.put(Capability.HOLD_AUDIO_FILE, "holdAudioFile");
    tests.put(Capability.PROMPT_SPEECH, "promptSpeech");
    tests.put(Capability.PROMPT_AUDIO_FILE, "promptAudioFile");
    tests.put(Capability.HANDOFF_CALLBACK_OVERRIDE, "handoffCallbackOverride");
    TESTS = Collections.unmodifiableMap(tests);
  }

  /** The test of each participant kind, by method name. */
  static final Map<ParticipantKind, String> KIND_TESTS;

  static {
    Map<ParticipantKind, String> tests = new EnumMap<>(ParticipantKind.class);
    tests.put(ParticipantKind.ACS_USER, "acsUser");
    tests.put(ParticipantKind.PHONE_NUMBER, "phoneNumber");
    tests.put(ParticipantKind.TEAMS_USER, "teamsUser");
    tests.put(ParticipantKind.TEAMS_APP, "teamsApp");
    tests.put(ParticipantKind.TEAMS_EXTENSION_USER, "teamsExtensionUser");
    tests.put(ParticipantKind.RAW, "rawParticipant");
    KIND_TESTS = Collections.unmodifiableMap(tests);
  }

  private CallControlTestPlatform platform;
  private EventLog events;
  private Commands commands;
  private WarmActions actions;

  /**
   * Creates the platform this suite runs against; called once, before the first test. The suite
   * closes it after the last.
   *
   * @return the platform, with the implementation under test
   */
  protected abstract CallControlTestPlatform openPlatform();

  @BeforeAll
  final void open() {
    platform = openPlatform();
    events = new EventLog(platform);
    commands = new Commands(platform);
    actions = new WarmActions(platform, events);
  }

  @AfterAll
  final void close() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @BeforeEach
  final void reset() {
    platform.reset();
  }

  private CallControl adapter() {
    return platform.callControl();
  }

  private ProviderCapabilities capabilities() {
    return adapter().capabilities();
  }

  private boolean declares(Capability capability) {
    return capabilities().supports(capability);
  }

  private boolean observes(Observation observation) {
    return !platform.unobservable().containsKey(observation);
  }

  private Set<Observation> observed() {
    Set<Observation> observed = EnumSet.allOf(Observation.class);
    observed.removeAll(platform.unobservable().keySet());
    return observed;
  }

  // ------------------------------------------------------------------ the operations

  @Test
  @DisplayName("TRANSFER: a blind transfer reaches the provider intact and ends COMPLETED")
  void transfer() {
    if (!declares(Capability.TRANSFER)) {
      refused(Capability.TRANSFER, commands.transfer(NOWHERE_CALL).build(), "CallTransfer");
      return;
    }
    TestCall call = platform.createCall();
    transferCompletes(Capability.TRANSFER, commands.transfer(call.callId()).build());
  }

  @Test
  @DisplayName("CONSULTATIVE_TRANSFER: a transfer replacing the consultation call ends COMPLETED")
  void consultativeTransfer() {
    if (!declares(Capability.CONSULTATIVE_TRANSFER)) {
      refused(
          Capability.CONSULTATIVE_TRANSFER,
          commands.transfer(NOWHERE_CALL).replacing(NOWHERE_CALL + "-consultation").build(),
          "mode");
      return;
    }
    TestCall call = platform.createCall();
    Participant target = commands.target();
    TestCall consultation = platform.createConsultationCall(target);
    transferCompletes(
        Capability.CONSULTATIVE_TRANSFER,
        CallTransfer.builder(call.callId(), target).replacing(consultation.callId()).build());
  }

  @Test
  @DisplayName("TRANSFEREE: a transfer out of a group call names the transferee and ends COMPLETED")
  void transferee() {
    if (!declares(Capability.TRANSFEREE)) {
      refused(
          Capability.TRANSFEREE,
          commands
              .transfer(NOWHERE_CALL)
              .transferee(commands.sample(ParticipantKind.PHONE_NUMBER))
              .build(),
          "transferee");
      return;
    }
    groupTransfer(Capability.TRANSFEREE);
  }

  @Test
  @DisplayName("ADD_PARTICIPANT: an invitation reaches the provider intact and ends COMPLETED")
  void addParticipant() {
    if (!declares(Capability.ADD_PARTICIPANT)) {
      refused(Capability.ADD_PARTICIPANT, commands.add(NOWHERE_CALL).build(), "AddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    AddParticipant add = commands.add(call.callId()).build();
    Subject subject = Subject.of(Capability.ADD_PARTICIPANT, add);
    SubmitContext context = context(add);
    SubmitResult result = adapter().addParticipant(add, context);
    assertAccepted(subject, result);
    if (declares(Capability.CANCEL_ADD_PARTICIPANT)) {
      assertThat(((SubmitResult.Accepted) result).invitationId())
          .as(subject.expecting("the accepted add to carry the invitation id a cancellation names"))
          .isPresent();
    }
    assertReceived(subject, add, context, OperationKind.ADD_PARTICIPANT);
    assertCompleted(subject, add.callId(), OperationKind.ADD_PARTICIPANT, context);
  }

  @Test
  @DisplayName(
      "CANCEL_ADD_PARTICIPANT: a ringing invitation is withdrawn: the cancellation COMPLETED, the"
          + " add CANCELLED")
  void cancelAddParticipant() {
    if (!declares(Capability.CANCEL_ADD_PARTICIPANT)) {
      refused(
          Capability.CANCEL_ADD_PARTICIPANT,
          CancelAddParticipant.of(NOWHERE_CALL, "contract-suite-invitation"),
          "CancelAddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    cancelCompletes(
        Capability.CANCEL_ADD_PARTICIPANT,
        CancelAddParticipant.of(call.callId(), ringingInvitation(call)));
  }

  @Test
  @DisplayName(
      "REDIRECT: an incoming call is redirected to as many targets as declared, all reaching the"
          + " provider")
  void redirect() {
    if (!declares(Capability.REDIRECT)) {
      refused(
          Capability.REDIRECT,
          RedirectCall.builder(NOWHERE_CALL, "context", List.of(commands.target())).build(),
          "RedirectCall");
      return;
    }
    int most = capabilities().maxRedirectTargets();
    assertThat(most)
        .as(
            Subject.name(Capability.REDIRECT)
                + ": expected an adapter that declares redirect to allow at least one target")
        .isPositive();
    List<Participant> targets = new ArrayList<>();
    for (int i = 0; i < most; i++) {
      targets.add(commands.target());
    }
    IncomingTestCall incoming = platform.createIncomingCall();
    redirectSucceeds(
        Capability.REDIRECT,
        RedirectCall.builder(incoming.callId(), incoming.incomingCallContext(), targets).build());
  }

  @Test
  @DisplayName(
      "REPEATABLE_REQUESTS: a submission whose answer is lost executes once at the provider")
  void repeatableRequests() {
    abortUnlessObserved(Capability.REPEATABLE_REQUESTS, Observation.EXECUTIONS);
    boolean transfer = declares(Capability.TRANSFER);
    if (!transfer && !declares(Capability.ADD_PARTICIPANT)) {
      refused(Capability.ADD_PARTICIPANT, commands.add(NOWHERE_CALL).build(), "AddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    CallCommand command =
        transfer ? commands.transfer(call.callId()).build() : commands.add(call.callId()).build();
    Subject subject = Subject.of(Capability.REPEATABLE_REQUESTS, command);
    OperationKind kind = transfer ? OperationKind.TRANSFER : OperationKind.ADD_PARTICIPANT;
    SubmitContext context = context(command);
    platform.loseNextAnswer(kind);

    SubmitResult result = adapter().submit(command, context);

    if (declares(Capability.REPEATABLE_REQUESTS)) {
      assertThat(result)
          .as(
              subject.expecting(
                  "the adapter to retry with the same token after the answer was lost, and the"
                      + " retry to be accepted"))
          .isInstanceOf(SubmitResult.Accepted.class);
      SubmitResult again = adapter().submit(command, context);
      assertThat(again)
          .as(subject.expecting("the same submission again (e.g. after a restart) to be accepted"))
          .isInstanceOf(SubmitResult.Accepted.class);
    } else {
      assertThat(result)
          .as(
              subject.expecting(
                  "Indeterminate from an adapter without repeatable requests whose answer was"
                      + " lost: the operation may have executed"))
          .isInstanceOf(SubmitResult.Indeterminate.class);
    }
    assertThat(platform.executions(call.callId(), kind))
        .as(subject.expecting("the provider to execute the " + kind + " exactly once"))
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ failures

  @Test
  @DisplayName("an invitee who declines fails the add as DECLINED")
  void declinedInvitation() {
    invitationFailsAs(TargetBehaviour.DECLINE, FailureReason.DECLINED);
  }

  @Test
  @DisplayName("a busy invitee fails the add as BUSY")
  void busyInvitation() {
    invitationFailsAs(TargetBehaviour.BUSY, FailureReason.BUSY);
  }

  @Test
  @DisplayName("a transfer to a target who declines ends FAILED")
  void declinedTransfer() {
    if (!declares(Capability.TRANSFER)) {
      refused(Capability.TRANSFER, commands.transfer(NOWHERE_CALL).build(), "CallTransfer");
      return;
    }
    TestCall call = platform.createCall();
    Participant target = platform.participant(commands.defaultKind());
    platform.script(target, TargetBehaviour.DECLINE);
    CallTransfer transfer = CallTransfer.builder(call.callId(), target).build();
    Subject subject = Subject.of("a transfer the target declines", transfer);
    SubmitContext context = context(transfer);
    SubmitResult result = adapter().transfer(transfer, context);
    assertAccepted(subject, result);
    Operation ended = transferEnds(subject, transfer, context, result);
    assertThat(ended.state())
        .as(subject.expecting("the transfer to end FAILED" + failureOf(ended)))
        .isEqualTo(OperationState.FAILED);
    assertThat(ended.failure()).as(subject.expecting("the FAILED transfer to say why")).isPresent();
  }

  @Test
  @DisplayName("a command on a call the provider does not know is rejected as NOT_FOUND")
  void unknownCall() {
    boolean transfer = declares(Capability.TRANSFER);
    CallCommand command =
        transfer
            ? commands.transfer("no-such-call-" + System.nanoTime()).build()
            : commands.add("no-such-call-" + System.nanoTime()).build();
    if (!transfer && !declares(Capability.ADD_PARTICIPANT)) {
      refused(Capability.ADD_PARTICIPANT, command, "AddParticipant");
      return;
    }
    Subject subject = Subject.of("a command on an unknown call", command);
    SubmitResult result = adapter().submit(command, context(command));
    assertThat(result)
        .as(subject.expecting("Rejected(NOT_FOUND), got " + result))
        .isInstanceOf(SubmitResult.Rejected.class);
    SubmitResult.Rejected rejected = (SubmitResult.Rejected) result;
    assertThat(rejected.failure().reason())
        .as(subject.expecting("the reason NOT_FOUND"))
        .isEqualTo(FailureReason.NOT_FOUND);
    assertThat(rejected.failure().retryable())
        .as(subject.expecting("a missing call not to be retryable"))
        .isFalse();
  }

  // ------------------------------------------------------------------ optional features

  @Test
  @DisplayName(
      "TRANSFEREE_PARTICIPANT_ID: the transferee's participant id reaches the provider, or is"
          + " refused")
  void transfereeParticipantId() {
    feature(Capability.TRANSFEREE_PARTICIPANT_ID, Observation.PARTIES);
  }

  @Test
  @DisplayName(
      "TRANSFER_SOURCE_CALLER_ID: a transfer's caller id reaches the provider, or is refused")
  void transferSourceCallerId() {
    feature(Capability.TRANSFER_SOURCE_CALLER_ID, Observation.CALLER_ID);
  }

  @Test
  @DisplayName(
      "TRANSFER_CALLBACK_OVERRIDE: a transfer's callback URI reaches the provider, or is refused")
  void transferCallbackOverride() {
    feature(Capability.TRANSFER_CALLBACK_OVERRIDE, Observation.CALLBACK_URI);
  }

  @Test
  @DisplayName("INVITATION_TIMEOUT: an invitation timeout reaches the provider, or is refused")
  void invitationTimeout() {
    feature(Capability.INVITATION_TIMEOUT, Observation.TIMEOUTS);
  }

  @Test
  @DisplayName(
      "ADD_SOURCE_CALLER_ID: an invitation's caller id reaches the provider, or is refused")
  void addSourceCallerId() {
    feature(Capability.ADD_SOURCE_CALLER_ID, Observation.CALLER_ID);
  }

  @Test
  @DisplayName("SOURCE_DISPLAY_NAME: the source display name reaches the provider, or is refused")
  void sourceDisplayName() {
    feature(Capability.SOURCE_DISPLAY_NAME, Observation.DISPLAY_NAMES);
  }

  @Test
  @DisplayName(
      "ADD_CALLBACK_OVERRIDE: an invitation's callback URI reaches the provider, or is refused")
  void addCallbackOverride() {
    feature(Capability.ADD_CALLBACK_OVERRIDE, Observation.CALLBACK_URI);
  }

  @Test
  @DisplayName(
      "CANCEL_CALLBACK_OVERRIDE: a cancellation's callback URI reaches the provider, or is refused")
  void cancelCallbackOverride() {
    Capability capability = Capability.CANCEL_CALLBACK_OVERRIDE;
    if (!declares(capability)) {
      refused(capability, commands.needing(capability, NOWHERE_CALL), "callbackUri");
      return;
    }
    TestCall call = platform.createCall();
    String invitationId = ringingInvitation(call);
    cancelCompletes(
        capability,
        new CancelAddParticipant(
            call.callId(), invitationId, Optional.empty(), Optional.of(platform.callbackUri())));
    abortUnlessObserved(capability, Observation.CALLBACK_URI);
  }

  @Test
  @DisplayName(
      "REDIRECT_RING_TIMEOUT: ring timeouts at both ends of the declared range reach the provider;"
          + " just outside it they are refused")
  void redirectRingTimeout() {
    Capability capability = Capability.REDIRECT_RING_TIMEOUT;
    RedirectCall.Builder nowhere =
        RedirectCall.builder(NOWHERE_CALL, "context", List.of(commands.target()));
    if (!declares(capability)) {
      refused(capability, nowhere.ringTimeout(Duration.ofSeconds(30)).build(), "ringTimeout");
      return;
    }
    Optional<ProviderCapabilities.SecondsRange> declared = capabilities().redirectRingTimeout();
    long least = declared.map(ProviderCapabilities.SecondsRange::min).orElse(MODEL_MIN_RING);
    long most = declared.map(ProviderCapabilities.SecondsRange::max).orElse(MODEL_MAX_RING);
    String range =
        declared
            .map(r -> "the declared range " + r.min() + ".." + r.max() + " s")
            .orElse(
                "the model's range "
                    + MODEL_MIN_RING
                    + ".."
                    + MODEL_MAX_RING
                    + " s (no range declared)");
    long shortest = Math.max(least, MODEL_MIN_RING);
    long longest = Math.min(most, MODEL_MAX_RING);
    assertThat(shortest)
        .as(
            Subject.name(capability)
                + ": expected "
                + range
                + " to overlap the ring timeouts the model accepts, "
                + MODEL_MIN_RING
                + ".."
                + MODEL_MAX_RING
                + " s")
        .isLessThanOrEqualTo(longest);
    for (long seconds : shortest == longest ? List.of(shortest) : List.of(shortest, longest)) {
      IncomingTestCall incoming = platform.createIncomingCall();
      RedirectCall redirect =
          RedirectCall.builder(
                  incoming.callId(), incoming.incomingCallContext(), List.of(commands.target()))
              .ringTimeout(Duration.ofSeconds(seconds))
              .build();
      assertThat(adapter().check(redirect))
          .as(Subject.of(capability, redirect).expecting("no violation: it lies within " + range))
          .isEmpty();
      redirectSucceeds(capability, redirect);
    }
    // Just outside the declared range, where the model allows the value (the model refuses
    // anything outside its own range before an adapter could see it).
    if (least - 1 >= MODEL_MIN_RING) {
      refused(
          capability, nowhere.ringTimeout(Duration.ofSeconds(least - 1)).build(), "ringTimeout");
    }
    if (most + 1 <= MODEL_MAX_RING) {
      refused(capability, nowhere.ringTimeout(Duration.ofSeconds(most + 1)).build(), "ringTimeout");
    }
    abortUnlessObserved(capability, Observation.TIMEOUTS);
  }

  @Test
  @DisplayName(
      "REDIRECT_CALLBACK_OVERRIDE: a redirect's callback URI reaches the provider, or is refused")
  void redirectCallbackOverride() {
    Capability capability = Capability.REDIRECT_CALLBACK_OVERRIDE;
    if (!declares(capability)) {
      refused(capability, commands.needing(capability, NOWHERE_CALL), "callbackUri");
      return;
    }
    IncomingTestCall incoming = platform.createIncomingCall();
    redirectSucceeds(
        capability,
        RedirectCall.builder(
                incoming.callId(), incoming.incomingCallContext(), List.of(commands.target()))
            .callbackUri(platform.callbackUri())
            .build());
    abortUnlessObserved(capability, Observation.CALLBACK_URI);
  }

  @Test
  @DisplayName("SIP_HEADERS: every custom SIP header reaches the provider intact, or is refused")
  void sipHeaders() {
    feature(Capability.SIP_HEADERS, Observation.CALLING_CONTEXT);
  }

  @Test
  @DisplayName("USER_TO_USER: the User-To-User value reaches the provider intact, or is refused")
  void userToUser() {
    feature(Capability.USER_TO_USER, Observation.CALLING_CONTEXT);
  }

  @Test
  @DisplayName("VOIP_HEADERS: every VoIP header reaches the provider intact, or is refused")
  void voipHeaders() {
    feature(Capability.VOIP_HEADERS, Observation.CALLING_CONTEXT);
  }

  @Test
  @DisplayName(
      "TEAMS_PHONE_CALL_DETAILS: Teams phone call details reach the provider intact, or are"
          + " refused")
  void teamsPhoneCallDetails() {
    feature(Capability.TEAMS_PHONE_CALL_DETAILS, Observation.CALLING_CONTEXT);
  }

  @Test
  @DisplayName(
      "PARTICIPANT_DISPLAY_NAME: a target's display name reaches the provider, or is refused")
  void participantDisplayName() {
    feature(Capability.PARTICIPANT_DISPLAY_NAME, Observation.DISPLAY_NAMES);
  }

  // ------------------------------------------------------------------ a warm handoff's actions

  @Test
  @DisplayName(
      "WARM_HANDOFF: the participant list holds the caller; a hold, its resume and the"
          + " application's hang-up reach the provider, or are refused")
  void warmHandoff() {
    Capability capability = Capability.WARM_HANDOFF;
    if (!declares(capability)) {
      Transferee nobody = Transferee.of(commands.sample(commands.defaultKind()));
      actions.refused(
          capability,
          new HoldParticipant(NOWHERE_CALL, nobody, Optional.empty(), Optional.empty()),
          "HoldParticipant");
      actions.refused(
          capability,
          new ResumeParticipant(NOWHERE_CALL, nobody, Optional.empty()),
          "ResumeParticipant");
      actions.refused(capability, new HangUp(NOWHERE_CALL), "HangUp");
      actions.listingRefused(NOWHERE_CALL);
      return;
    }
    TestCall call = platform.createCall();
    actions.listsTheParties(call);
    Transferee caller = WarmActions.transferee(call.parties().get(0));
    actions.carried(
        capability, new HoldParticipant(call.callId(), caller, Optional.empty(), Optional.empty()));
    actions.carried(capability, new ResumeParticipant(call.callId(), caller, Optional.empty()));
    actions.carried(capability, new HangUp(call.callId()));
    abortUnlessObserved(capability, Observation.PARTIES);
  }

  @Test
  @DisplayName(
      "HOLD_AUDIO_FILE: a hold with an audio file reaches the provider with that file, or is"
          + " refused")
  void holdAudioFile() {
    holdAudio(Capability.HOLD_AUDIO_FILE, WarmActions.HOLD_FILE);
  }

  @Test
  @DisplayName(
      "HOLD_AUDIO_SPEECH: a hold with text to speak reaches the provider with the text, its"
          + " locale and voice, or is refused")
  void holdAudioSpeech() {
    holdAudio(Capability.HOLD_AUDIO_SPEECH, WarmActions.HOLD_SPEECH);
  }

  @Test
  @DisplayName(
      "PROMPT_AUDIO_FILE: a prompt of an audio file reaches the provider, for one participant or"
          + " the consultation call, or is refused")
  void promptAudioFile() {
    prompt(Capability.PROMPT_AUDIO_FILE, WarmActions.PROMPT_FILE);
  }

  @Test
  @DisplayName(
      "PROMPT_SPEECH: a prompt to speak reaches the provider with its text, locale and voice, or"
          + " is refused")
  void promptSpeech() {
    prompt(Capability.PROMPT_SPEECH, WarmActions.PROMPT_SPEECH);
  }

  @Test
  @DisplayName(
      "REMOVE_PARTICIPANT: the removal of one party of a group call reaches the provider, or is"
          + " refused")
  void removeParticipant() {
    Capability capability = Capability.REMOVE_PARTICIPANT;
    if (!declares(capability)) {
      actions.refused(
          capability,
          new RemoveParticipant(
              NOWHERE_CALL, commands.sample(commands.defaultKind()), Optional.empty()),
          "RemoveParticipant");
      return;
    }
    TestCall group = platform.createGroupCall();
    actions.carried(
        capability,
        new RemoveParticipant(group.callId(), leaving(capability, group), Optional.empty()));
    abortUnlessObserved(capability, Observation.PARTIES);
  }

  @Test
  @DisplayName(
      "CONSULTATION_CALL: a call placed to a target reaches the provider with its callback URI,"
          + " or is refused")
  void consultationCall() {
    Capability capability = Capability.CONSULTATION_CALL;
    if (!declares(capability)) {
      actions.refused(
          capability,
          new PlaceCall(
              commands.sample(commands.defaultKind()), Optional.of(platform.callbackUri())),
          "PlaceCall");
      return;
    }
    // A placed call's events go to its own callback, which placing it names (the saga always
    // does): part of placing the call, not a per-operation override.
    actions.placed(
        capability, new PlaceCall(commands.target(), Optional.of(platform.callbackUri())));
    abortUnlessObserved(capability, Observation.PARTIES);
  }

  @Test
  @DisplayName(
      "HANDOFF_CALLBACK_OVERRIDE: the callback URI of a hold, resume, prompt and removal reaches"
          + " the provider, or is refused")
  void handoffCallbackOverride() {
    Capability capability = Capability.HANDOFF_CALLBACK_OVERRIDE;
    Optional<URI> callback = Optional.of(platform.callbackUri());
    if (!declares(capability)) {
      actions.refused(
          capability,
          new HoldParticipant(
              NOWHERE_CALL,
              Transferee.of(commands.sample(commands.defaultKind())),
              Optional.empty(),
              callback),
          "callbackUri");
      return;
    }
    TestCall call = platform.createCall();
    Transferee caller = WarmActions.transferee(call.parties().get(0));
    actions.carried(
        capability, new HoldParticipant(call.callId(), caller, Optional.empty(), callback));
    actions.carried(capability, new ResumeParticipant(call.callId(), caller, callback));
    Optional<Prompt> prompt =
        declares(Capability.PROMPT_AUDIO_FILE)
            ? Optional.of(WarmActions.PROMPT_FILE)
            : declares(Capability.PROMPT_SPEECH)
                ? Optional.of(WarmActions.PROMPT_SPEECH)
                : Optional.empty();
    prompt.ifPresent(
        audio -> actions.carried(capability, play(call, audio).withCallbackUri(callback.get())));
    if (declares(Capability.REMOVE_PARTICIPANT)) {
      TestCall group = platform.createGroupCall();
      actions.carried(
          capability, new RemoveParticipant(group.callId(), leaving(capability, group), callback));
    }
    abortUnlessObserved(capability, Observation.CALLBACK_URI);
  }

  private void holdAudio(Capability capability, Prompt audio) {
    if (!declares(capability)) {
      actions.refused(
          capability,
          new HoldParticipant(
              NOWHERE_CALL,
              Transferee.of(commands.sample(commands.defaultKind())),
              Optional.of(audio),
              Optional.empty()),
          "audio");
      return;
    }
    TestCall call = platform.createCall();
    actions.carried(
        capability,
        new HoldParticipant(
            call.callId(),
            WarmActions.transferee(call.parties().get(0)),
            Optional.of(audio),
            Optional.empty()));
    abortUnlessObserved(capability, Observation.AUDIO);
  }

  private void prompt(Capability capability, Prompt prompt) {
    if (!declares(capability)) {
      actions.refused(
          capability,
          new PlayPrompt(NOWHERE_CALL, prompt, Optional.empty(), Optional.empty()),
          "prompt");
      return;
    }
    TestCall call = platform.createCall();
    actions.carried(capability, play(call, prompt));
    abortUnlessObserved(capability, Observation.AUDIO);
  }

  /**
   * A prompt as the saga plays a briefing: to the one participant briefed in the caller's call;
   * where the adapter reaches agents on a consultation call of their own, to everyone in the call
   * (the agent alone is there).
   */
  private PlayPrompt play(TestCall call, Prompt prompt) {
    Optional<Participant> to =
        declares(Capability.CONSULTATION_CALL)
            ? Optional.empty()
            : Optional.of(call.parties().get(0).participant());
    return new PlayPrompt(call.callId(), prompt, to, Optional.empty());
  }

  private static Participant leaving(Capability capability, TestCall group) {
    assertThat(group.parties())
        .as(Subject.name(capability) + ": expected the platform's group call to have two parties")
        .hasSizeGreaterThan(1);
    return group.parties().get(1).participant();
  }

  // ------------------------------------------------------------------ participant kinds

  @Test
  @DisplayName("ACS_USER participants are reached when addressable, refused when not")
  void acsUser() {
    participantKind(ParticipantKind.ACS_USER);
  }

  @Test
  @DisplayName("PHONE_NUMBER participants are reached when addressable, refused when not")
  void phoneNumber() {
    participantKind(ParticipantKind.PHONE_NUMBER);
  }

  @Test
  @DisplayName("TEAMS_USER participants are reached when addressable, refused when not")
  void teamsUser() {
    participantKind(ParticipantKind.TEAMS_USER);
  }

  @Test
  @DisplayName("TEAMS_APP participants are reached when addressable, refused when not")
  void teamsApp() {
    participantKind(ParticipantKind.TEAMS_APP);
  }

  @Test
  @DisplayName("TEAMS_EXTENSION_USER participants are reached when addressable, refused when not")
  void teamsExtensionUser() {
    participantKind(ParticipantKind.TEAMS_EXTENSION_USER);
  }

  @Test
  @DisplayName("RAW participants are reached when addressable, refused when not")
  void rawParticipant() {
    participantKind(ParticipantKind.RAW);
  }

  // ------------------------------------------------------------------ limits and the suite itself

  @Test
  @DisplayName("a redirect to more targets than declared is refused")
  void tooManyRedirectTargets() {
    List<Participant> targets = new ArrayList<>();
    for (int i = 0; i <= capabilities().maxRedirectTargets(); i++) {
      targets.add(commands.numbered(i));
    }
    refused(
        "maxRedirectTargets " + capabilities().maxRedirectTargets(),
        RedirectCall.builder(NOWHERE_CALL, "context", targets).build(),
        "targets");
  }

  @Test
  @DisplayName("a refused command sends nothing to the provider")
  void refusedCommandSendsNothing() {
    abortUnlessObserved("a refused command", Observation.REQUEST_COUNT);
    List<Participant> targets = new ArrayList<>();
    for (int i = 0; i <= capabilities().maxRedirectTargets(); i++) {
      targets.add(commands.numbered(i));
    }
    RedirectCall impossible = RedirectCall.builder(NOWHERE_CALL, "context", targets).build();
    long before = platform.requestCount();
    try {
      adapter().submit(impossible, context(impossible));
    } catch (UnsupportedByProviderException expected) {
      // The refusal itself is checked by tooManyRedirectTargets.
    }
    assertThat(platform.requestCount())
        .as(
            Subject.of("a refused command", impossible)
                .expecting("no request to reach the provider"))
        .isEqualTo(before);
  }

  @Test
  @DisplayName("the suite has a test for every capability and every participant kind of the model")
  void everyCapabilityHasItsTest() {
    assertThat(TESTS.keySet())
        .as("capabilities the suite tests (a new capability needs its test)")
        .containsExactlyInAnyOrder(Capability.values());
    assertThat(KIND_TESTS.keySet())
        .as("participant kinds the suite tests (a new kind needs its test)")
        .containsExactlyInAnyOrder(ParticipantKind.values());
    Set<String> methods = new java.util.HashSet<>();
    for (Method method : CallControlContract.class.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Test.class)) {
        methods.add(method.getName());
      }
    }
    assertThat(methods).containsAll(TESTS.values()).containsAll(KIND_TESTS.values());
  }

  // ------------------------------------------------------------------ how features are tested

  private void feature(Capability capability, Observation purpose) {
    CallCommand nowhere = commands.needing(capability, NOWHERE_CALL);
    if (!declares(capability)) {
      refused(capability, nowhere, refusalPath(capability, nowhere));
      return;
    }
    if (capability == Capability.TRANSFEREE_PARTICIPANT_ID) {
      groupTransfer(capability);
      abortUnlessObserved(capability, purpose);
      return;
    }
    TestCall call = platform.createCall();
    CallCommand command = commands.needing(capability, call.callId());
    if (command instanceof CallTransfer) {
      transferCompletes(capability, (CallTransfer) command);
    } else {
      Subject subject = Subject.of(capability, command);
      SubmitContext context = context(command);
      assertAccepted(subject, adapter().submit(command, context));
      assertReceived(subject, command, context, OperationKind.ADD_PARTICIPANT);
      assertCompleted(subject, call.callId(), OperationKind.ADD_PARTICIPANT, context);
    }
    abortUnlessObserved(capability, purpose);
  }

  private static String refusalPath(Capability capability, CallCommand command) {
    if (capability == Capability.PARTICIPANT_DISPLAY_NAME) {
      return command instanceof CallTransfer ? "target.displayName" : "participant.displayName";
    }
    return Commands.REFUSAL_PATHS.get(capability);
  }

  private void groupTransfer(Capability capability) {
    TestCall group = platform.createGroupCall();
    assertThat(group.parties())
        .as(Subject.name(capability) + ": expected the platform's group call to have two parties")
        .hasSizeGreaterThan(1);
    CallParty moving = group.parties().get(0);
    Transferee transferee;
    if (declares(Capability.TRANSFEREE_PARTICIPANT_ID)) {
      String participantId =
          moving
              .callParticipantId()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          Subject.name(capability)
                              + ": the adapter declares TRANSFEREE_PARTICIPANT_ID, so the"
                              + " platform's group call must report its parties' participant"
                              + " ids"));
      transferee = Transferee.of(moving.participant(), participantId);
    } else {
      transferee = Transferee.of(moving.participant());
    }
    transferCompletes(capability, commands.transfer(group.callId()).transferee(transferee).build());
  }

  private void participantKind(ParticipantKind kind) {
    boolean addressable = capabilities().addressable().contains(kind);
    boolean transfer = declares(Capability.TRANSFER);
    String topic = "participant kind " + kind;
    if (!addressable) {
      CallCommand command =
          transfer
              ? CallTransfer.builder(NOWHERE_CALL, commands.sample(kind)).build()
              : AddParticipant.builder(NOWHERE_CALL, commands.sample(kind)).build();
      refused(topic, command, transfer ? "target" : "participant");
      return;
    }
    Participant participant = platform.participant(kind);
    assertThat(participant.kind())
        .as(topic + ": expected the platform's participant(" + kind + ") to be of that kind")
        .isEqualTo(kind);
    TestCall call = platform.createCall();
    if (transfer) {
      CallTransfer command = CallTransfer.builder(call.callId(), participant).build();
      transferCompletes(Subject.of(topic, command), command);
      return;
    }
    AddParticipant add = AddParticipant.builder(call.callId(), participant).build();
    Subject subject = Subject.of(topic, add);
    SubmitContext context = context(add);
    assertAccepted(subject, adapter().addParticipant(add, context));
    assertReceived(subject, add, context, OperationKind.ADD_PARTICIPANT);
    assertCompleted(subject, call.callId(), OperationKind.ADD_PARTICIPANT, context);
  }

  private void invitationFailsAs(TargetBehaviour behaviour, FailureReason reason) {
    if (!declares(Capability.ADD_PARTICIPANT)) {
      refused(Capability.ADD_PARTICIPANT, commands.add(NOWHERE_CALL).build(), "AddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    Participant invitee = platform.participant(commands.defaultKind());
    platform.script(invitee, behaviour);
    AddParticipant add = AddParticipant.builder(call.callId(), invitee).build();
    Subject subject = Subject.of("an invitee who behaves " + behaviour, add);
    SubmitContext context = context(add);
    assertAccepted(subject, adapter().addParticipant(add, context));
    OperationUpdate update =
        events.awaitFinal(subject, call.callId(), OperationKind.ADD_PARTICIPANT);
    assertThat(update.progress())
        .as(subject.expecting("the add to end FAILED"))
        .isEqualTo(Progress.FAILED);
    assertThat(update.failure().map(failure -> failure.reason()))
        .as(subject.expecting("the failure reason " + reason))
        .contains(reason);
    assertCorrelation(subject, update, context);
  }

  private String ringingInvitation(TestCall call) {
    Participant invitee = platform.participant(commands.defaultKind());
    platform.script(invitee, TargetBehaviour.NO_ANSWER);
    AddParticipant add = AddParticipant.builder(call.callId(), invitee).build();
    Subject subject = Subject.of("an invitation to withdraw", add);
    SubmitResult added = adapter().addParticipant(add, context(add));
    assertAccepted(subject, added);
    return ((SubmitResult.Accepted) added)
        .invitationId()
        .orElseThrow(
            () ->
                new AssertionError(
                    subject.expecting("the accepted add to carry its invitation id")));
  }

  private void cancelCompletes(Capability capability, CancelAddParticipant cancel) {
    Subject subject = Subject.of(capability, cancel);
    SubmitContext context = context(cancel);
    assertAccepted(subject, adapter().cancelAddParticipant(cancel, context));
    assertReceived(subject, cancel, context, OperationKind.CANCEL_ADD_PARTICIPANT);
    OperationUpdate cancelled =
        events.awaitFinal(subject, cancel.callId(), OperationKind.CANCEL_ADD_PARTICIPANT);
    assertThat(cancelled.progress())
        .as(subject.expecting("the cancellation to end COMPLETED" + failureOf(cancelled)))
        .isEqualTo(Progress.COMPLETED);
    OperationUpdate add =
        events.awaitFinal(subject, cancel.callId(), OperationKind.ADD_PARTICIPANT);
    boolean cancelledAdd =
        add.progress() == Progress.CANCELLED
            || add.failure()
                .map(failure -> failure.reason() == FailureReason.CANCELLED)
                .orElse(false);
    assertThat(cancelledAdd)
        .as(
            subject.expecting(
                "the withdrawn add to end CANCELLED (or FAILED with reason CANCELLED), got "
                    + add.progress()
                    + failureOf(add)))
        .isTrue();
  }

  private void transferCompletes(Capability capability, CallTransfer transfer) {
    transferCompletes(Subject.of(capability, transfer), transfer);
  }

  private void transferCompletes(Subject subject, CallTransfer transfer) {
    SubmitContext context = context(transfer);
    SubmitResult result = adapter().transfer(transfer, context);
    assertAccepted(subject, result);
    assertReceived(subject, transfer, context, OperationKind.TRANSFER);
    Operation ended = transferEnds(subject, transfer, context, result);
    assertThat(ended.state())
        .as(subject.expecting("the TRANSFER to end COMPLETED" + failureOf(ended)))
        .isEqualTo(OperationState.COMPLETED);
    for (OperationUpdate update : events.updates(transfer.callId(), OperationKind.TRANSFER)) {
      assertCorrelation(subject, update, context);
    }
  }

  /**
   * Follows a submitted transfer to its end as the service would, from the provider's events: its
   * own updates and the call's changes (a provider may report a transfer's end by the call's own
   * events, such as the transferor's leg ending or a roster without the transferee). ACCEPTED is
   * the target's answer, not the end.
   */
  private Operation transferEnds(
      Subject subject, CallTransfer transfer, SubmitContext context, SubmitResult result) {
    Instant now = Instant.now();
    Operation submitted =
        Operation.request(
                context.operationId(),
                capabilities().provider(),
                transfer,
                Optional.empty(),
                context.submission(),
                now,
                platform.eventTimeout())
            .afterSubmit(result, now);
    return events.awaitFinal(subject, submitted);
  }

  private void redirectSucceeds(Capability capability, RedirectCall redirect) {
    Subject subject = Subject.of(capability, redirect);
    SubmitContext context = context(redirect);
    SubmitResult result = adapter().redirect(redirect, context);
    assertThat(result)
        .as(subject.expecting("Completed, or Accepted with events to follow; got " + result))
        .isInstanceOfAny(SubmitResult.Completed.class, SubmitResult.Accepted.class);
    assertReceived(subject, redirect, context, OperationKind.REDIRECT);
    if (result instanceof SubmitResult.Accepted) {
      assertCompleted(subject, redirect.callId(), OperationKind.REDIRECT, context);
    }
  }

  // ------------------------------------------------------------------ assertions

  private static void assertAccepted(Subject subject, SubmitResult result) {
    assertThat(result)
        .as(subject.expecting("the provider to accept the command; the adapter answered " + result))
        .isInstanceOf(SubmitResult.Accepted.class);
  }

  private void assertCompleted(
      Subject subject, String callId, OperationKind kind, SubmitContext context) {
    OperationUpdate update = events.awaitFinal(subject, callId, kind);
    assertThat(update.progress())
        .as(subject.expecting("the " + kind + " to end COMPLETED" + failureOf(update)))
        .isEqualTo(Progress.COMPLETED);
    assertCorrelation(subject, update, context);
  }

  private static void assertCorrelation(
      Subject subject, OperationUpdate update, SubmitContext context) {
    update
        .correlation()
        .ifPresent(
            correlation ->
                assertThat(correlation)
                    .as(
                        subject.expecting(
                            "the event to carry back the submission's correlation \""
                                + context.correlation()
                                + "\""))
                    .isEqualTo(context.correlation()));
  }

  private static String failureOf(Operation operation) {
    return operation
        .failure()
        .map(failure -> " (it ended " + operation.state() + ": " + failure + ")")
        .orElse(" (it ended " + operation.state() + ")");
  }

  private static String failureOf(OperationUpdate update) {
    return update
        .failure()
        .map(failure -> " (it ended " + update.progress() + ": " + failure + ")")
        .orElse(" (it ended " + update.progress() + ")");
  }

  /** Checks that every part of the command the platform observes reached the provider intact. */
  private void assertReceived(
      Subject subject, CallCommand command, SubmitContext context, OperationKind kind) {
    Set<Observation> observed = observed();
    observed.retainAll(ReceivedCheck.needed(command));
    if (observed.isEmpty()) {
      return;
    }
    List<ReceivedCommand> received = platform.received(command.callId(), kind);
    if (received.isEmpty()) {
      throw new AssertionError(
          subject.expecting(
              "the provider to receive the " + kind + "; the platform saw no such request"));
    }
    List<String> differences =
        ReceivedCheck.differences(
            command, context.correlation(), received.get(received.size() - 1), observed);
    if (!differences.isEmpty()) {
      throw new AssertionError(
          differences.stream()
              .map(subject::expecting)
              .collect(Collectors.joining(System.lineSeparator())));
    }
  }

  private void refused(Capability capability, CallCommand command, String path) {
    refused(Subject.of(capability, command), command, path);
  }

  private void refused(String topic, CallCommand command, String path) {
    refused(Subject.of(topic, command), command, path);
  }

  /**
   * The adapter refuses a command it cannot carry: {@code check} names the field, submitting throws
   * {@link UnsupportedByProviderException} naming it, and nothing reaches the provider.
   */
  private void refused(Subject subject, CallCommand command, String path) {
    boolean counting = observes(Observation.REQUEST_COUNT);
    long before = counting ? platform.requestCount() : 0;
    List<CapabilityViolation> checked = adapter().check(command);
    if (checked.stream().noneMatch(violation -> names(violation, path))) {
      throw new AssertionError(
          subject.expecting(
              "check(command) to name '"
                  + path
                  + "' as something the adapter cannot carry, as it does not declare it; it"
                  + " reported "
                  + (checked.isEmpty() ? "no violation" : checked)));
    }
    SubmitResult result;
    try {
      result = adapter().submit(command, context(command));
    } catch (UnsupportedByProviderException e) {
      assertThat(e.provider())
          .as(subject.expecting("the refusal to name the adapter's provider"))
          .isEqualTo(capabilities().provider());
      if (e.violations().stream().noneMatch(violation -> names(violation, path))) {
        throw new AssertionError(
            subject.expecting("the refusal to name '" + path + "'; it named " + e.violations()), e);
      }
      if (counting) {
        assertThat(platform.requestCount())
            .as(subject.expecting("a refused command to send no request to the provider"))
            .isEqualTo(before);
      }
      return;
    }
    throw new AssertionError(
        subject.expecting(
            "the adapter to refuse the command with UnsupportedByProviderException naming '"
                + path
                + "' before sending anything, as it does not declare what the command needs;"
                + " it submitted it and answered "
                + result));
  }

  static boolean names(CapabilityViolation violation, String path) {
    String found = violation.path();
    return found.equals(path) || found.startsWith(path + ".") || found.startsWith(path + "[");
  }

  private void abortUnlessObserved(Capability capability, Observation observation) {
    abortUnlessObserved(Subject.name(capability), observation);
  }

  private void abortUnlessObserved(String topic, Observation observation) {
    String reason = platform.unobservable().get(observation);
    if (reason != null) {
      Assumptions.abort(
          topic
              + ": not checked, because the platform cannot observe "
              + observation.description()
              + " ("
              + observation
              + "): "
              + reason);
    }
  }

  private static SubmitContext context(CallCommand command) {
    return SubmitContext.standalone(command, Clock.systemUTC());
  }
}
