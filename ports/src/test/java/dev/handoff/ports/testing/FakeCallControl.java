package dev.handoff.ports.testing;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A provider whose answers a test scripts, recording every submission. */
public class FakeCallControl implements CallControl {

  /**
   * One submission the provider received.
   *
   * @param command the command
   * @param context the context
   */
  public record Submission(CallCommand command, SubmitContext context) {}

  private final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<CallCommand, SubmitResult> answer = FakeCallControl::accept;

  private static SubmitResult accept(CallCommand command) {
    return new SubmitResult.Accepted(Optional.of("inv-" + command.callId()), null);
  }

  /** Forgets the submissions and accepts every command again. */
  public void reset() {
    submissions.clear();
    answer = FakeCallControl::accept;
  }

  private volatile ProviderCapabilities capabilities = capabilities(true);

  /**
   * @param repeatable whether the provider has repeatable requests
   * @return capabilities supporting everything, with or without repeatable requests
   */
  public static ProviderCapabilities capabilities(boolean repeatable) {
    Set<Capability> features = EnumSet.allOf(Capability.class);
    if (!repeatable) {
      features.remove(Capability.REPEATABLE_REQUESTS);
    }
    return ProviderCapabilities.builder(Operations.PROVIDER)
        .supports(features.toArray(new Capability[0]))
        .addresses(ParticipantKind.values())
        .maxRedirectTargets(5)
        .build();
  }

  /**
   * @param value how the provider answers
   * @return this
   */
  public FakeCallControl answering(Function<CallCommand, SubmitResult> value) {
    answer = value;
    return this;
  }

  /**
   * @param value what the provider declares
   * @return this
   */
  public FakeCallControl declaring(ProviderCapabilities value) {
    capabilities = value;
    return this;
  }

  /**
   * @return every submission so far, in order
   */
  public List<Submission> submissions() {
    synchronized (submissions) {
      return List.copyOf(submissions);
    }
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  private SubmitResult receive(CallCommand command, SubmitContext context) {
    capabilities.requireSupported(command);
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
