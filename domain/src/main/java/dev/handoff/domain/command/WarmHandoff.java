package dev.handoff.domain.command;

import static dev.handoff.domain.command.CommandRules.orEmpty;

import dev.handoff.domain.Shown;
import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand a caller from the application (the bot) to a person, attended: the caller is put on hold
 * with hold audio, the targets are tried one after the other until one answers, that agent is
 * briefed (a prompt only the agent hears, and the calling context that travels with the
 * invitation), and only then is the caller put through and the bot leaves. When no target answers,
 * the fallback applies: the caller comes back to the bot, or goes on to a last target.
 *
 * <p>Every step is a provider action of its own on the operation's timeline; see {@code
 * dev.handoff.domain.operation.HandoffProgress}.
 *
 * @param callId the caller's call, which the application controls
 * @param transferee who is handed on (the caller); found among the call's participants when absent,
 *     which works when the call has exactly one participant besides the application
 * @param targets whom to try, in order; 1 to {@value #MAX_TARGETS}, no party twice
 * @param holdAudio what the caller hears while on hold; the provider's hold music when absent
 * @param briefing what the agent hears and receives before the caller is put through
 * @param fallback where the caller goes when no target answers
 * @param sourceCallerId the caller id shown to a phone target
 * @param operationContext the application's correlation string
 * @param callbackUri where the provider sends the steps' events instead of the call's default
 *     callback; they must reach Handoff for the handoff to progress
 */
public record WarmHandoff(
    String callId,
    Optional<Transferee> transferee,
    List<HandoffTarget> targets,
    Optional<Prompt> holdAudio,
    Briefing briefing,
    Fallback fallback,
    Optional<PhoneNumber> sourceCallerId,
    Optional<String> operationContext,
    Optional<URI> callbackUri)
    implements CallCommand {

  /** Most targets one handoff may try. */
  public static final int MAX_TARGETS = 10;

  /** Validates the command and reports every broken rule. */
  public WarmHandoff {
    Violations v = Violations.of("WarmHandoff");
    transferee = orEmpty(transferee);
    holdAudio = orEmpty(holdAudio);
    briefing = briefing == null ? Briefing.NONE : briefing;
    fallback = fallback == null ? Fallback.returnToBot() : fallback;
    sourceCallerId = orEmpty(sourceCallerId);
    operationContext = orEmpty(operationContext);
    callbackUri = orEmpty(callbackUri);
    CommandRules.common(v, callId, operationContext, callbackUri);
    targets = targets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(targets));
    v.check(!targets.isEmpty(), "targets", "must name at least one target", null);
    v.check(
        targets.size() <= MAX_TARGETS,
        "targets",
        "must name at most " + MAX_TARGETS + " targets",
        targets.size() + " targets");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      HandoffTarget target = targets.get(i);
      String path = "targets[" + i + "]";
      if (!v.required(path, target)) {
        continue;
      }
      if (!seen.add(target.participant().rawId())) {
        v.add(path + ".participant", "repeats a target", Shown.value(target.participant().rawId()));
      }
      if (transferee.isPresent()
          && transferee.get().participant().sameParty(target.participant())) {
        v.add(
            path + ".participant",
            "must not be the transferee",
            Shown.value(target.participant().rawId()));
      }
    }
    if (fallback instanceof Fallback.LastTarget && transferee.isPresent()) {
      Fallback.LastTarget last = (Fallback.LastTarget) fallback;
      v.check(
          !last.participant().sameParty(transferee.get().participant()),
          "fallback.participant",
          "must not be the transferee",
          last.participant().rawId());
    }
    CommandRules.callerId(v, "sourceCallerId", sourceCallerId);
    v.throwIfAny();
  }

  @Override
  public WarmHandoff withCallbackUri(URI uri) {
    return new WarmHandoff(
        callId,
        transferee,
        targets,
        holdAudio,
        briefing,
        fallback,
        sourceCallerId,
        operationContext,
        Optional.ofNullable(uri));
  }

  /**
   * @param callId the caller's call
   * @param targets whom to try, in order
   * @return a builder
   */
  public static Builder builder(String callId, List<HandoffTarget> targets) {
    return new Builder(callId, targets);
  }

  /** Builds a {@link WarmHandoff}; {@link #build()} validates. */
  public static final class Builder {
    private final String callId;
    private final List<HandoffTarget> targets;
    private Transferee transferee;
    private Prompt holdAudio;
    private Briefing briefing = Briefing.NONE;
    private Fallback fallback = Fallback.returnToBot();
    private PhoneNumber sourceCallerId;
    private String operationContext;
    private URI callbackUri;

    private Builder(String callId, List<HandoffTarget> targets) {
      this.callId = callId;
      this.targets = targets;
    }

    /**
     * @param value who is handed on
     * @return this builder
     */
    public Builder transferee(Transferee value) {
      transferee = value;
      return this;
    }

    /**
     * @param value what the caller hears while on hold
     * @return this builder
     */
    public Builder holdAudio(Prompt value) {
      holdAudio = value;
      return this;
    }

    /**
     * @param value what the agent hears and receives
     * @return this builder
     */
    public Builder briefing(Briefing value) {
      briefing = value;
      return this;
    }

    /**
     * @param value where the caller goes when no target answers
     * @return this builder
     */
    public Builder fallback(Fallback value) {
      fallback = value;
      return this;
    }

    /**
     * @param value the caller id shown to a phone target
     * @return this builder
     */
    public Builder sourceCallerId(PhoneNumber value) {
      sourceCallerId = value;
      return this;
    }

    /**
     * @param value the application's correlation string
     * @return this builder
     */
    public Builder operationContext(String value) {
      operationContext = value;
      return this;
    }

    /**
     * @param value where the steps' events go
     * @return this builder
     */
    public Builder callbackUri(URI value) {
      callbackUri = value;
      return this;
    }

    /**
     * @return the validated command
     * @throws dev.handoff.domain.ValidationException listing every broken rule
     */
    public WarmHandoff build() {
      return new WarmHandoff(
          callId,
          Optional.ofNullable(transferee),
          targets,
          Optional.ofNullable(holdAudio),
          briefing,
          fallback,
          Optional.ofNullable(sourceCallerId),
          Optional.ofNullable(operationContext),
          Optional.ofNullable(callbackUri));
    }
  }

  @Override
  public <R> R accept(CallCommand.Visitor<R> visitor) {
    return visitor.warmHandoff(this);
  }
}
