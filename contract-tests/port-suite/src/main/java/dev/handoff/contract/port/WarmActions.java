package dev.handoff.contract.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends a warm handoff's actions the way the saga sends them, one port method each, and checks the
 * adapter's answer, what reached the provider, and the refusal of what the adapter does not
 * declare.
 */
final class WarmActions {
  /** The audio file a hold plays to the caller. */
  static final Prompt HOLD_FILE =
      Prompt.audio(URI.create("https://media.example/handoff-contract-suite/hold.wav"));

  /** The text a hold speaks to the caller, with a locale and a voice. */
  static final Prompt HOLD_SPEECH =
      new Prompt.Speech(
          "Please hold while we find someone to help you.",
          Optional.of("en-US"),
          Optional.of("en-US-JennyNeural"));

  /** The audio file a prompt plays. */
  static final Prompt PROMPT_FILE =
      Prompt.audio(URI.create("https://media.example/handoff-contract-suite/briefing.wav"));

  /** The text a prompt speaks, with a locale and a voice. */
  static final Prompt PROMPT_SPEECH =
      new Prompt.Speech(
          "The caller has a billing question about case 42.",
          Optional.of("en-US"),
          Optional.of("en-US-JennyNeural"));

  private final CallControlTestPlatform platform;
  private final EventLog events;

  WarmActions(CallControlTestPlatform platform, EventLog events) {
    this.platform = platform;
    this.events = events;
  }

  private CallControl adapter() {
    return platform.callControl();
  }

  /**
   * @param party a party of a test call
   * @return it as a hold names it: with its participant id where the platform reports one
   */
  static Transferee transferee(CallParty party) {
    return party
        .callParticipantId()
        .map(id -> Transferee.of(party.participant(), id))
        .orElseGet(() -> Transferee.of(party.participant()));
  }

  /**
   * Sends the action and checks that the provider carried it intact; an accepted one must then be
   * brought to COMPLETED by the provider's events, read by the implementation's own parser.
   *
   * @param capability the feature under test
   * @param action an action on a call of the platform
   */
  void carried(Capability capability, ActionCommand action) {
    Subject subject = Subject.of(capability, action);
    SubmitContext context = context();
    SubmitResult result;
    try {
      result = send(action, context);
    } catch (UnsupportedByProviderException refused) {
      throw declaredButRefused(subject, refused);
    }
    assertTaken(subject, action, result);
    String callId = callOf(action);
    assertReceived(subject, action, callId, context);
    if (result instanceof SubmitResult.Accepted) {
      CallActionUpdate update =
          events.awaitFinal(subject, callId, action.action(), context.correlation());
      assertThat(update.progress())
          .as(
              subject.expecting(
                  "the accepted "
                      + action.action().wireName()
                      + " to end COMPLETED; it ended "
                      + update.progress()
                      + update.failure().map(failure -> ": " + failure).orElse("")))
          .isEqualTo(Progress.COMPLETED);
    }
  }

  /**
   * Places the call and checks that the provider carried it intact, under the new call's id.
   *
   * @param capability the feature under test
   * @param place the call to place
   */
  void placed(Capability capability, PlaceCall place) {
    Subject subject = Subject.of(capability, place);
    SubmitContext context = context();
    PlacedCall placed;
    try {
      placed = adapter().placeCall(place, context);
    } catch (UnsupportedByProviderException refused) {
      throw declaredButRefused(subject, refused);
    }
    assertTaken(subject, place, placed.result());
    String callId =
        placed
            .callId()
            .orElseThrow(
                () ->
                    new AssertionError(
                        subject.expecting(
                            "the adapter to answer with the placed call's id; it answered "
                                + placed.result()
                                + " without one")));
    assertReceived(subject, place, callId, context);
  }

  /**
   * Lists the call's participants and checks that every party of the call is among them, with its
   * participant id where the platform reports one (a hold names the caller by it).
   *
   * @param call a call of the platform
   */
  void listsTheParties(TestCall call) {
    Subject subject =
        Subject.about(Capability.WARM_HANDOFF, "the participant list of call " + call.callId());
    Roster roster;
    try {
      roster = adapter().participants(call.callId());
    } catch (UnsupportedByProviderException refused) {
      throw declaredButRefused(subject, refused);
    }
    roster
        .failure()
        .ifPresent(
            failure -> {
              throw new AssertionError(
                  subject.expecting("the call's participants; the list failed: " + failure));
            });
    List<String> listed =
        roster.participants().stream()
            .map(
                t ->
                    t.participant().rawId()
                        + t.callParticipantId().map(id -> " (" + id + ")").orElse(""))
            .collect(Collectors.toList());
    for (CallParty party : call.parties()) {
      Transferee found =
          roster.participants().stream()
              .filter(t -> t.participant().sameParty(party.participant()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          subject.expecting(
                              "the list to hold the call's party "
                                  + party.participant().rawId()
                                  + "; it held "
                                  + listed)));
      party
          .callParticipantId()
          .filter(id -> !found.callParticipantId().equals(Optional.of(id)))
          .ifPresent(
              id -> {
                throw new AssertionError(
                    subject.expecting(
                        "the list to give "
                            + party.participant().rawId()
                            + " its participant id "
                            + id
                            + " (a hold names the participant by it); it gave "
                            + found.callParticipantId().orElse("none")));
              });
    }
  }

  /**
   * The adapter refuses an action it cannot carry: {@code check} names the field, sending it throws
   * {@link UnsupportedByProviderException} naming the field (or the whole action, as the port's
   * default methods do), and nothing reaches the provider.
   *
   * @param capability the feature the adapter does not declare
   * @param action an action that needs it
   * @param path where the model reports it
   */
  void refused(Capability capability, ActionCommand action, String path) {
    Subject subject = Subject.of(capability, action);
    long before = requestCount();
    List<CapabilityViolation> checked = adapter().check(action);
    if (checked.stream().noneMatch(violation -> CallControlContract.names(violation, path))) {
      throw new AssertionError(
          subject.expecting(
              "check(action) to name '"
                  + path
                  + "' as something the adapter cannot carry, as it does not declare it; it"
                  + " reported "
                  + (checked.isEmpty() ? "no violation" : checked)));
    }
    Object answer;
    try {
      answer =
          action instanceof PlaceCall
              ? adapter().placeCall((PlaceCall) action, context())
              : send(action, context());
    } catch (UnsupportedByProviderException e) {
      String whole = action.action().wireName();
      if (e.violations().stream()
          .noneMatch(
              violation ->
                  CallControlContract.names(violation, path)
                      || CallControlContract.names(violation, whole))) {
        throw new AssertionError(
            subject.expecting(
                "the refusal to name '"
                    + path
                    + "' (or the whole action, '"
                    + whole
                    + "'); it named "
                    + e.violations()),
            e);
      }
      refusedInTime(subject, e, before);
      return;
    }
    throw new AssertionError(
        subject.expecting(
            "the adapter to refuse the action with UnsupportedByProviderException naming '"
                + path
                + "' before sending anything, as it does not declare what the action needs; it"
                + " sent it and answered "
                + answer));
  }

  /**
   * An adapter without warm handoffs refuses to list a call's participants, sending nothing.
   *
   * @param callId any call
   */
  void listingRefused(String callId) {
    Subject subject =
        Subject.about(Capability.WARM_HANDOFF, "the participant list of call " + callId);
    long before = requestCount();
    Roster roster;
    try {
      roster = adapter().participants(callId);
    } catch (UnsupportedByProviderException e) {
      refusedInTime(subject, e, before);
      return;
    }
    throw new AssertionError(
        subject.expecting(
            "the adapter to refuse listing the participants with UnsupportedByProviderException"
                + " before sending anything, as it does not declare WARM_HANDOFF; it answered "
                + roster));
  }

  private void refusedInTime(Subject subject, UnsupportedByProviderException e, long before) {
    assertThat(e.provider())
        .as(subject.expecting("the refusal to name the adapter's provider"))
        .isEqualTo(adapter().capabilities().provider());
    if (counting()) {
      assertThat(platform.requestCount())
          .as(subject.expecting("a refused action to send no request to the provider"))
          .isEqualTo(before);
    }
  }

  private boolean counting() {
    return !platform.unobservable().containsKey(Observation.REQUEST_COUNT);
  }

  private long requestCount() {
    return counting() ? platform.requestCount() : 0;
  }

  private static AssertionError declaredButRefused(
      Subject subject, UnsupportedByProviderException refused) {
    return new AssertionError(
        subject.expecting(
            "the adapter to carry it, as it declares what it needs; it refused: "
                + refused.getMessage()),
        refused);
  }

  /** The provider took the action: done already, or accepted with events to follow. */
  private static void assertTaken(Subject subject, ActionCommand action, SubmitResult result) {
    assertThat(result)
        .as(
            subject.expecting(
                "the provider to carry the "
                    + action.action().wireName()
                    + " (Completed, or Accepted with events to follow); the adapter answered "
                    + result))
        .isInstanceOfAny(SubmitResult.Completed.class, SubmitResult.Accepted.class);
  }

  private void assertReceived(
      Subject subject, ActionCommand action, String callId, SubmitContext context) {
    Set<Observation> observed = EnumSet.allOf(Observation.class);
    observed.removeAll(platform.unobservable().keySet());
    observed.retainAll(ReceivedCheck.needed(action));
    if (observed.isEmpty()) {
      return;
    }
    List<ReceivedCommand> received = platform.received(callId, action.action());
    if (received.isEmpty()) {
      throw new AssertionError(
          subject.expecting(
              "the provider to receive the "
                  + action.action().wireName()
                  + " on call "
                  + callId
                  + "; the platform saw no such request (a platform shows a warm handoff's"
                  + " actions through CallControlTestPlatform.received(String, CallAction))"));
    }
    List<String> differences =
        ReceivedCheck.differences(
            action, context.correlation(), received.get(received.size() - 1), observed);
    if (!differences.isEmpty()) {
      throw new AssertionError(
          differences.stream()
              .map(subject::expecting)
              .collect(Collectors.joining(System.lineSeparator())));
    }
  }

  private SubmitResult send(ActionCommand action, SubmitContext context) {
    if (action instanceof HoldParticipant) {
      return adapter().hold((HoldParticipant) action, context);
    }
    if (action instanceof ResumeParticipant) {
      return adapter().resume((ResumeParticipant) action, context);
    }
    if (action instanceof PlayPrompt) {
      return adapter().play((PlayPrompt) action, context);
    }
    if (action instanceof RemoveParticipant) {
      return adapter().removeParticipant((RemoveParticipant) action, context);
    }
    if (action instanceof HangUp) {
      return adapter().hangUp((HangUp) action, context);
    }
    return adapter().placeCall((PlaceCall) action, context).result();
  }

  private static String callOf(ActionCommand action) {
    if (action instanceof HoldParticipant) {
      return ((HoldParticipant) action).callId();
    }
    if (action instanceof ResumeParticipant) {
      return ((ResumeParticipant) action).callId();
    }
    if (action instanceof PlayPrompt) {
      return ((PlayPrompt) action).callId();
    }
    if (action instanceof RemoveParticipant) {
      return ((RemoveParticipant) action).callId();
    }
    if (action instanceof HangUp) {
      return ((HangUp) action).callId();
    }
    throw new IllegalArgumentException("a placed call has no call id before it is placed");
  }

  /** A step's context: a new operation id, which is also the correlation, and a new token. */
  private static SubmitContext context() {
    OperationId id = OperationId.random();
    return new SubmitContext(id, id.value(), SubmissionToken.create(Clock.systemUTC().instant()));
  }
}
