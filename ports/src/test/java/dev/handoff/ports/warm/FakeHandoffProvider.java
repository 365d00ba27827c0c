package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import dev.handoff.ports.testing.Operations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider for the saga's tests: in-call (like ACS: hold, resume and hang-up answer at once; add,
 * cancel, remove and play are accepted and settled by events the test sends) or consultation (like
 * Graph: hold, resume and play are accepted, a placed call gets an id, hang-up answers at once).
 * Records every request; answers can be overridden per action.
 */
public final class FakeHandoffProvider implements CallControl {
  public static final PhoneNumber CALLER = PhoneNumber.of("+14255550100");

  /**
   * One request.
   *
   * @param action the action
   * @param callId the call it went to
   * @param command the command
   * @param context its context (null for the roster)
   */
  public record Request(CallAction action, String callId, Object command, SubmitContext context) {}

  /** Thrown to stand for the process dying in the middle of a request. */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the process died");
    }
  }

  private final boolean consultation;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<CallAction, Function<Request, SubmitResult>> answers =
      new ConcurrentHashMap<>();
  private final Set<CallAction> crashing = ConcurrentHashMap.newKeySet();
  private final AtomicInteger placed = new AtomicInteger();
  private volatile List<Transferee> roster = List.of(Transferee.of(CALLER, "p-caller"));

  private FakeHandoffProvider(boolean consultation) {
    this.consultation = consultation;
  }

  public static FakeHandoffProvider inCall() {
    return new FakeHandoffProvider(false);
  }

  public static FakeHandoffProvider consultation() {
    return new FakeHandoffProvider(true);
  }

  public FakeHandoffProvider answering(CallAction action, Function<Request, SubmitResult> answer) {
    answers.put(action, answer);
    return this;
  }

  public FakeHandoffProvider crashingOn(CallAction action) {
    crashing.add(action);
    return this;
  }

  public FakeHandoffProvider healed() {
    crashing.clear();
    return this;
  }

  public FakeHandoffProvider withRoster(List<Transferee> value) {
    roster = value;
    return this;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<CallAction> actions() {
    return requests().stream().map(Request::action).toList();
  }

  @Override
  public ProviderCapabilities capabilities() {
    Set<Capability> features =
        EnumSet.of(
            Capability.WARM_HANDOFF,
            Capability.TRANSFER,
            Capability.ADD_PARTICIPANT,
            Capability.CANCEL_ADD_PARTICIPANT,
            Capability.INVITATION_TIMEOUT,
            Capability.HOLD_AUDIO_FILE,
            Capability.PROMPT_AUDIO_FILE,
            Capability.SIP_HEADERS);
    if (consultation) {
      features.add(Capability.CONSULTATION_CALL);
      features.add(Capability.CONSULTATIVE_TRANSFER);
    } else {
      features.add(Capability.REMOVE_PARTICIPANT);
      features.add(Capability.HOLD_AUDIO_SPEECH);
      features.add(Capability.PROMPT_SPEECH);
      features.add(Capability.REPEATABLE_REQUESTS);
    }
    return ProviderCapabilities.builder(Operations.PROVIDER)
        .supports(features.toArray(new Capability[0]))
        .addresses(ParticipantKind.PHONE_NUMBER, ParticipantKind.TEAMS_USER)
        .build();
  }

  @Override
  public boolean repeatable(CallAction action) {
    return !consultation
        && EnumSet.of(
                CallAction.ADD_PARTICIPANT,
                CallAction.CANCEL_ADD_PARTICIPANT,
                CallAction.REMOVE_PARTICIPANT,
                CallAction.TRANSFER)
            .contains(action);
  }

  private SubmitResult receive(CallAction action, String callId, Object command, SubmitContext c) {
    Request request = new Request(action, callId, command, c);
    requests.add(request);
    if (crashing.contains(action)) {
      throw new Crash();
    }
    Function<Request, SubmitResult> answer = answers.get(action);
    if (answer != null) {
      return answer.apply(request);
    }
    boolean atOnce =
        consultation
            ? action == CallAction.HANG_UP
            : action == CallAction.HOLD
                || action == CallAction.RESUME
                || action == CallAction.HANG_UP;
    if (atOnce) {
      return new SubmitResult.Completed(null);
    }
    if (action == CallAction.ADD_PARTICIPANT) {
      return new SubmitResult.Accepted(Optional.of("inv-" + requests.size()), null);
    }
    return new SubmitResult.Accepted(Optional.empty(), null);
  }

  @Override
  public Roster participants(String callId) {
    requests.add(new Request(CallAction.FIND_TRANSFEREE, callId, null, null));
    return Roster.of(roster, null);
  }

  @Override
  public SubmitResult hold(HoldParticipant command, SubmitContext context) {
    return receive(CallAction.HOLD, command.callId(), command, context);
  }

  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    return receive(CallAction.RESUME, command.callId(), command, context);
  }

  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    return receive(CallAction.PLAY, command.callId(), command, context);
  }

  @Override
  public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    return receive(CallAction.REMOVE_PARTICIPANT, command.callId(), command, context);
  }

  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    return receive(CallAction.HANG_UP, command.callId(), command, context);
  }

  @Override
  public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    SubmitResult result = receive(CallAction.PLACE_CALL, "-", command, context);
    return new PlacedCall(
        result,
        result instanceof SubmitResult.Accepted
            ? Optional.of("consult-" + placed.incrementAndGet())
            : Optional.empty());
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    return receive(CallAction.TRANSFER, command.callId(), command, context);
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    return receive(CallAction.ADD_PARTICIPANT, command.callId(), command, context);
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    return receive(CallAction.CANCEL_ADD_PARTICIPANT, command.callId(), command, context);
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    throw new UnsupportedOperationException("not used");
  }
}
