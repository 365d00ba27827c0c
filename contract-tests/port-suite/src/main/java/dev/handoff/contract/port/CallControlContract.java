package dev.handoff.contract.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
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
 * <p>Every feature is tested, none is skipped: for each {@link Capability} and each {@link
 * ParticipantKind} the adapter declares, the suite submits a command that needs it and checks the
 * provider's answer and events; for each it does not declare, it checks that the adapter refuses
 * such a command with {@link UnsupportedByProviderException}, names the offending field, reports
 * the same through {@link CallControl#check(CallCommand)}, and sends nothing to the platform.
 *
 * <p>What it holds the implementation to:
 *
 * <ul>
 *   <li>blind, consultative and group transfer are accepted and reported settled by the provider's
 *       events, which the implementation's parser reads;
 *   <li>an invitation is accepted with an invitation id, and can be withdrawn;
 *   <li>an incoming call can be redirected;
 *   <li>failures map to the neutral reasons: a declining invitee is DECLINED, a busy one BUSY, an
 *       unknown call NOT_FOUND (synchronously, {@link SubmitResult.Rejected});
 *   <li>a submission whose answer is lost never executes twice: an adapter with repeatable requests
 *       retries with the same token and the provider executes once (also when the same context is
 *       submitted again); one without them returns {@link SubmitResult.Indeterminate} and does not
 *       re-send.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CallControlContract {
  private static final String NOWHERE_CALL = "contract-suite-call";
  private static final Set<Capability> NAMED =
      EnumSet.of(
          Capability.TRANSFER,
          Capability.CONSULTATIVE_TRANSFER,
          Capability.TRANSFEREE,
          Capability.ADD_PARTICIPANT,
          Capability.CANCEL_ADD_PARTICIPANT,
          Capability.REDIRECT,
          Capability.REPEATABLE_REQUESTS);

  private CallControlTestPlatform platform;
  private EventLog events;
  private Commands commands;

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

  // ------------------------------------------------------------------ the operations

  @Test
  @DisplayName("a blind transfer is accepted and the provider's events report it settled")
  void blindTransfer() {
    if (!declares(Capability.TRANSFER)) {
      assertRefused(commands.transfer(NOWHERE_CALL).build(), "CallTransfer");
      return;
    }
    TestCall call = platform.createCall();
    transferSettles(commands.transfer(call.callId()).build());
  }

  @Test
  @DisplayName("a consultative transfer replacing the consultation call is accepted and settles")
  void consultativeTransfer() {
    if (!declares(Capability.CONSULTATIVE_TRANSFER)) {
      assertRefused(
          commands.transfer(NOWHERE_CALL).replacing(NOWHERE_CALL + "-consultation").build(),
          "mode");
      return;
    }
    TestCall call = platform.createCall();
    Participant target = commands.target();
    TestCall consultation = platform.createConsultationCall(target);
    transferSettles(
        CallTransfer.builder(call.callId(), target).replacing(consultation.callId()).build());
  }

  @Test
  @DisplayName("a transfer in a group call names the transferee and settles")
  void groupTransfer() {
    if (!declares(Capability.TRANSFEREE)) {
      assertRefused(
          commands
              .transfer(NOWHERE_CALL)
              .transferee(commands.sample(ParticipantKind.PHONE_NUMBER))
              .build(),
          "transferee");
      return;
    }
    TestCall group = platform.createGroupCall();
    assertThat(group.parties()).as("a group call's remote parties").hasSizeGreaterThan(1);
    CallParty moving = group.parties().get(0);
    Transferee transferee =
        declares(Capability.TRANSFEREE_PARTICIPANT_ID)
            ? Transferee.of(
                moving.participant(),
                moving
                    .callParticipantId()
                    .orElseThrow(
                        () ->
                            new AssertionError(
                                "the adapter declares TRANSFEREE_PARTICIPANT_ID, so the platform's"
                                    + " group call must report its parties' participant ids")))
            : Transferee.of(moving.participant());
    transferSettles(commands.transfer(group.callId()).transferee(transferee).build());
  }

  @Test
  @DisplayName("an invitation is accepted with an invitation id and completes")
  void addParticipant() {
    if (!declares(Capability.ADD_PARTICIPANT)) {
      assertRefused(commands.add(NOWHERE_CALL).build(), "AddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    AddParticipant add = commands.add(call.callId()).build();
    SubmitContext context = context(add);
    SubmitResult result = adapter().addParticipant(add, context);
    assertThat(result).as("the add's synchronous answer").isInstanceOf(SubmitResult.Accepted.class);
    if (declares(Capability.CANCEL_ADD_PARTICIPANT)) {
      assertThat(((SubmitResult.Accepted) result).invitationId())
          .as("an accepted add's invitation id, which a cancellation names")
          .isPresent();
    }
    OperationUpdate update =
        events.await(
            call.callId(), OperationKind.ADD_PARTICIPANT, CallControlContract::settled, "settling");
    assertSucceeded(update, context);
  }

  @Test
  @DisplayName("a ringing invitation can be cancelled: the cancellation completes, the add ends")
  void cancelInvitation() {
    if (!declares(Capability.CANCEL_ADD_PARTICIPANT)) {
      assertRefused(
          CancelAddParticipant.of(NOWHERE_CALL, "contract-suite-invitation"),
          "CancelAddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    String invitationId = ringingInvitation(call);
    CancelAddParticipant cancel = CancelAddParticipant.of(call.callId(), invitationId);
    SubmitResult result = adapter().cancelAddParticipant(cancel, context(cancel));
    assertThat(result)
        .as("the cancel's synchronous answer")
        .isInstanceOf(SubmitResult.Accepted.class);
    OperationUpdate cancelled =
        events.await(
            call.callId(),
            OperationKind.CANCEL_ADD_PARTICIPANT,
            CallControlContract::settled,
            "settling");
    assertThat(cancelled.progress()).as("the cancellation").isEqualTo(Progress.COMPLETED);
    OperationUpdate add =
        events.await(
            call.callId(), OperationKind.ADD_PARTICIPANT, CallControlContract::settled, "ending");
    boolean cancelledAdd =
        add.progress() == Progress.CANCELLED
            || add.failure()
                .map(failure -> failure.reason() == FailureReason.CANCELLED)
                .orElse(false);
    assertThat(cancelledAdd)
        .as("the add ends CANCELLED (or FAILED with reason CANCELLED), got " + add.progress())
        .isTrue();
  }

  @Test
  @DisplayName("an incoming call can be redirected before it is answered")
  void redirect() {
    if (!declares(Capability.REDIRECT)) {
      assertRefused(
          RedirectCall.builder(NOWHERE_CALL, "context", List.of(commands.target())).build(),
          "RedirectCall");
      return;
    }
    IncomingTestCall incoming = platform.createIncomingCall();
    redirectSucceeds(
        RedirectCall.builder(
                incoming.callId(), incoming.incomingCallContext(), List.of(commands.target()))
            .build());
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
  @DisplayName("a transfer to a target who declines is reported FAILED")
  void declinedTransfer() {
    if (!declares(Capability.TRANSFER)) {
      assertRefused(commands.transfer(NOWHERE_CALL).build(), "CallTransfer");
      return;
    }
    TestCall call = platform.createCall();
    Participant target = platform.participant(commands.defaultKind());
    platform.script(target, TargetBehaviour.DECLINE);
    CallTransfer transfer = CallTransfer.builder(call.callId(), target).build();
    assertThat(adapter().transfer(transfer, context(transfer)))
        .isInstanceOf(SubmitResult.Accepted.class);
    OperationUpdate update =
        events.await(call.callId(), OperationKind.TRANSFER, CallControlContract::settled, "ending");
    assertThat(update.progress()).as("a declined transfer").isEqualTo(Progress.FAILED);
    assertThat(update.failure()).as("its failure").isPresent();
  }

  @Test
  @DisplayName("a command on a call the provider does not know is rejected as NOT_FOUND")
  void unknownCall() {
    CallCommand command =
        declares(Capability.TRANSFER)
            ? commands.transfer("no-such-call-" + System.nanoTime()).build()
            : commands.add("no-such-call-" + System.nanoTime()).build();
    if (!declares(Capability.TRANSFER) && !declares(Capability.ADD_PARTICIPANT)) {
      assertRefused(command, "AddParticipant");
      return;
    }
    SubmitResult result = adapter().submit(command, context(command));
    assertThat(result)
        .as("the answer for an unknown call")
        .isInstanceOf(SubmitResult.Rejected.class);
    SubmitResult.Rejected rejected = (SubmitResult.Rejected) result;
    assertThat(rejected.failure().reason()).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(rejected.failure().retryable()).as("retrying a missing call").isFalse();
  }

  // ------------------------------------------------------------------ no double execution

  @Test
  @DisplayName("a submission whose answer is lost executes once at the provider")
  void lostAnswerExecutesOnce() {
    boolean transfer = declares(Capability.TRANSFER);
    if (!transfer && !declares(Capability.ADD_PARTICIPANT)) {
      assertRefused(commands.add(NOWHERE_CALL).build(), "AddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    CallCommand command =
        transfer ? commands.transfer(call.callId()).build() : commands.add(call.callId()).build();
    OperationKind kind = transfer ? OperationKind.TRANSFER : OperationKind.ADD_PARTICIPANT;
    SubmitContext context = context(command);
    platform.loseNextAnswer(kind);

    SubmitResult result = adapter().submit(command, context);

    if (declares(Capability.REPEATABLE_REQUESTS)) {
      assertThat(result)
          .as("a repeatable request retried with the same token after its answer was lost")
          .isInstanceOf(SubmitResult.Accepted.class);
      SubmitResult again = adapter().submit(command, context);
      assertThat(again)
          .as("the same submission again, e.g. after a restart")
          .isInstanceOf(SubmitResult.Accepted.class);
    } else {
      assertThat(result)
          .as("a request without repeatability whose answer was lost: it may have executed")
          .isInstanceOf(SubmitResult.Indeterminate.class);
    }
    assertThat(platform.executions(call.callId(), kind))
        .as("how often the provider executed the " + kind)
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ every feature

  @TestFactory
  @DisplayName("every optional feature is carried when declared and refused when not")
  Stream<DynamicTest> optionalFeatures() {
    return EnumSet.complementOf(EnumSet.copyOf(NAMED)).stream()
        .map(
            capability ->
                DynamicTest.dynamicTest(
                    capability + (declares(capability) ? " is carried" : " is refused"),
                    () -> feature(capability)));
  }

  @TestFactory
  @DisplayName("every participant kind is reachable when addressable and refused when not")
  Stream<DynamicTest> participantKinds() {
    return Stream.of(ParticipantKind.values())
        .map(
            kind ->
                DynamicTest.dynamicTest(
                    kind
                        + (capabilities().addressable().contains(kind)
                            ? " is reachable"
                            : " is refused"),
                    () -> participantKind(kind)));
  }

  @Test
  @DisplayName("a redirect to more targets than declared is refused")
  void tooManyRedirectTargets() {
    List<Participant> targets = new ArrayList<>();
    for (int i = 0; i <= capabilities().maxRedirectTargets(); i++) {
      targets.add(commands.numbered(i));
    }
    assertRefused(RedirectCall.builder(NOWHERE_CALL, "context", targets).build(), "targets");
  }

  @Test
  @DisplayName("a redirect ring timeout outside the declared range is refused")
  void redirectRingTimeoutOutOfRange() {
    long seconds = capabilities().redirectRingTimeout().map(range -> range.max() + 1).orElse(30L);
    assertRefused(
        RedirectCall.builder(NOWHERE_CALL, "context", List.of(commands.target()))
            .ringTimeout(Duration.ofSeconds(seconds))
            .build(),
        "ringTimeout");
  }

  @Test
  @DisplayName("the suite covers every capability the model knows")
  void coversEveryCapability() {
    Set<Capability> covered = EnumSet.copyOf(NAMED);
    covered.addAll(Commands.REFUSAL_PATHS.keySet());
    assertThat(covered).containsExactlyInAnyOrder(Capability.values());
  }

  private void feature(Capability capability) {
    CallCommand refusal = commands.needing(capability, NOWHERE_CALL);
    if (!declares(capability)) {
      assertRefused(refusal, Commands.REFUSAL_PATHS.get(capability));
      return;
    }
    switch (capability) {
      case TRANSFEREE_PARTICIPANT_ID:
        groupTransfer();
        return;
      case CANCEL_CALLBACK_OVERRIDE:
        {
          TestCall call = platform.createCall();
          String invitationId = ringingInvitation(call);
          CancelAddParticipant cancel =
              new CancelAddParticipant(
                  call.callId(),
                  invitationId,
                  Optional.empty(),
                  Optional.of(platform.callbackUri()));
          assertThat(adapter().cancelAddParticipant(cancel, context(cancel)))
              .isInstanceOf(SubmitResult.Accepted.class);
          return;
        }
      case REDIRECT_RING_TIMEOUT:
      case REDIRECT_CALLBACK_OVERRIDE:
        {
          IncomingTestCall incoming = platform.createIncomingCall();
          redirectSucceeds(commands.redirectNeeding(capability, incoming));
          return;
        }
      default:
        break;
    }
    TestCall call = platform.createCall();
    CallCommand command = commands.needing(capability, call.callId());
    if (command instanceof CallTransfer) {
      transferSettles((CallTransfer) command);
    } else {
      SubmitContext context = context(command);
      SubmitResult result = adapter().submit(command, context);
      assertThat(result).as(capability + " submitted").isInstanceOf(SubmitResult.Accepted.class);
      assertSucceeded(
          events.await(
              call.callId(),
              OperationKind.ADD_PARTICIPANT,
              CallControlContract::settled,
              "settling"),
          context);
    }
  }

  private void participantKind(ParticipantKind kind) {
    boolean addressable = capabilities().addressable().contains(kind);
    boolean transfer = declares(Capability.TRANSFER);
    if (!addressable) {
      CallCommand command =
          transfer
              ? CallTransfer.builder(NOWHERE_CALL, commands.sample(kind)).build()
              : AddParticipant.builder(NOWHERE_CALL, commands.sample(kind)).build();
      assertRefused(command, transfer ? "target" : "participant");
      return;
    }
    Participant participant = platform.participant(kind);
    assertThat(participant.kind()).as("the platform's participant of kind " + kind).isEqualTo(kind);
    TestCall call = platform.createCall();
    if (transfer) {
      transferSettles(CallTransfer.builder(call.callId(), participant).build());
      return;
    }
    AddParticipant add = AddParticipant.builder(call.callId(), participant).build();
    SubmitContext context = context(add);
    assertThat(adapter().addParticipant(add, context)).isInstanceOf(SubmitResult.Accepted.class);
    assertSucceeded(
        events.await(
            call.callId(), OperationKind.ADD_PARTICIPANT, CallControlContract::settled, "settling"),
        context);
  }

  // ------------------------------------------------------------------ helpers

  private void invitationFailsAs(TargetBehaviour behaviour, FailureReason reason) {
    if (!declares(Capability.ADD_PARTICIPANT)) {
      assertRefused(commands.add(NOWHERE_CALL).build(), "AddParticipant");
      return;
    }
    TestCall call = platform.createCall();
    Participant invitee = platform.participant(commands.defaultKind());
    platform.script(invitee, behaviour);
    AddParticipant add = AddParticipant.builder(call.callId(), invitee).build();
    SubmitContext context = context(add);
    assertThat(adapter().addParticipant(add, context)).isInstanceOf(SubmitResult.Accepted.class);
    OperationUpdate update =
        events.await(
            call.callId(), OperationKind.ADD_PARTICIPANT, CallControlContract::settled, "ending");
    assertThat(update.progress())
        .as("an invitation the invitee refused")
        .isEqualTo(Progress.FAILED);
    assertThat(update.failure().map(failure -> failure.reason()))
        .as("the failure reason of an invitee who behaves " + behaviour)
        .contains(reason);
    update.correlation().ifPresent(c -> assertThat(c).isEqualTo(context.correlation()));
  }

  private String ringingInvitation(TestCall call) {
    Participant invitee = platform.participant(commands.defaultKind());
    platform.script(invitee, TargetBehaviour.NO_ANSWER);
    AddParticipant add = AddParticipant.builder(call.callId(), invitee).build();
    SubmitResult added = adapter().addParticipant(add, context(add));
    assertThat(added).as("the add to cancel").isInstanceOf(SubmitResult.Accepted.class);
    return ((SubmitResult.Accepted) added)
        .invitationId()
        .orElseThrow(() -> new AssertionError("an accepted add must carry its invitation id"));
  }

  private void transferSettles(CallTransfer transfer) {
    SubmitContext context = context(transfer);
    SubmitResult result = adapter().transfer(transfer, context);
    assertThat(result)
        .as("the transfer's synchronous answer")
        .isInstanceOf(SubmitResult.Accepted.class);
    OperationUpdate update =
        events.await(
            transfer.callId(), OperationKind.TRANSFER, CallControlContract::settled, "settling");
    assertSucceeded(update, context);
  }

  private void redirectSucceeds(RedirectCall redirect) {
    SubmitResult result = adapter().redirect(redirect, context(redirect));
    if (result instanceof SubmitResult.Completed) {
      return;
    }
    assertThat(result)
        .as("the redirect's synchronous answer: completed, or accepted with events to follow")
        .isInstanceOf(SubmitResult.Accepted.class);
    OperationUpdate update =
        events.await(
            redirect.callId(), OperationKind.REDIRECT, CallControlContract::settled, "settling");
    assertThat(update.progress()).as("the redirect").isEqualTo(Progress.COMPLETED);
  }

  private static boolean settled(OperationUpdate update) {
    return update.progress() != Progress.IN_PROGRESS;
  }

  private static void assertSucceeded(OperationUpdate update, SubmitContext context) {
    assertThat(update.progress())
        .as(
            "the operation's outcome"
                + update.failure().map(failure -> " (failure: " + failure + ")").orElse(""))
        .isIn(Progress.ACCEPTED, Progress.COMPLETED);
    update
        .correlation()
        .ifPresent(
            correlation ->
                assertThat(correlation)
                    .as("the correlation the event carries back")
                    .isEqualTo(context.correlation()));
  }

  private void assertRefused(CallCommand command, String path) {
    long before = platform.requestCount();
    List<CapabilityViolation> checked = adapter().check(command);
    assertThat(checked.stream().map(CapabilityViolation::path))
        .as(
            "check(%s) names the field the adapter cannot carry",
            command.getClass().getSimpleName())
        .anySatisfy(found -> assertThat(found).startsWith(path));
    assertThatThrownBy(() -> adapter().submit(command, context(command)))
        .as("submitting a command the adapter cannot carry")
        .isInstanceOfSatisfying(
            UnsupportedByProviderException.class,
            e -> {
              assertThat(e.provider()).isEqualTo(capabilities().provider());
              assertThat(e.violations().stream().map(CapabilityViolation::path))
                  .anySatisfy(found -> assertThat(found).startsWith(path));
            });
    assertThat(platform.requestCount())
        .as("requests the platform received for a refused command")
        .isEqualTo(before);
  }

  private static SubmitContext context(CallCommand command) {
    return SubmitContext.standalone(command, Clock.systemUTC());
  }
}
