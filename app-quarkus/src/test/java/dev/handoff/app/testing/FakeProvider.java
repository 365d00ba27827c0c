package dev.handoff.app.testing;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A provider tests script; it records what it was asked. Enabled by {@link FakeProviderProfile}.
 */
@Alternative
@Singleton
@Unremovable
public class FakeProvider implements CallControl {
  /** The fake's provider id. */
  public static final ProviderId ID = ProviderId.of("fake");

  /**
   * One submission.
   *
   * @param command the command
   * @param context the context
   */
  public record Submission(CallCommand command, SubmitContext context) {}

  private final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<CallCommand, SubmitResult> answer = FakeProvider::accept;

  private static SubmitResult accept(CallCommand command) {
    return new SubmitResult.Accepted(Optional.of("inv-" + command.callId()), null);
  }

  /** Forgets the submissions and answers by accepting again. */
  public void reset() {
    submissions.clear();
    answer = FakeProvider::accept;
  }

  /**
   * @param value how to answer
   */
  public void answering(Function<CallCommand, SubmitResult> value) {
    answer = value;
  }

  /**
   * @return what was submitted, in order
   */
  public List<Submission> submissions() {
    synchronized (submissions) {
      return List.copyOf(submissions);
    }
  }

  @Override
  public ProviderCapabilities capabilities() {
    return ProviderCapabilities.builder(ID)
        .supports(
            Capability.TRANSFER,
            Capability.TRANSFEREE,
            Capability.ADD_PARTICIPANT,
            Capability.INVITATION_TIMEOUT,
            Capability.CANCEL_ADD_PARTICIPANT,
            Capability.REDIRECT,
            Capability.USER_TO_USER,
            Capability.SIP_HEADERS,
            Capability.REPEATABLE_REQUESTS)
        .addresses(
            ParticipantKind.PHONE_NUMBER, ParticipantKind.ACS_USER, ParticipantKind.TEAMS_USER)
        .maxRedirectTargets(1)
        .build();
  }

  private SubmitResult receive(CallCommand command, SubmitContext context) {
    capabilities().requireSupported(command);
    submissions.add(new Submission(command, context));
    return answer.apply(command);
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    return receive(command, context);
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    return receive(command, context);
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    return receive(command, context);
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    return receive(command, context);
  }
}
