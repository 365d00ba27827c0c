package dev.handoff.domain.command;

import static dev.handoff.domain.command.CommandRules.orEmpty;

import dev.handoff.domain.Shown;
import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Send an incoming call, before it is answered, to one or more targets (several ring at once; the
 * first to answer wins, where the provider supports it).
 *
 * @param callId the incoming call's id as the provider reported it (ACS server call id, Graph call
 *     id)
 * @param incomingCallContext the opaque incoming-call context the provider reported with the call
 *     (Graph reports the call id here too)
 * @param targets where the call goes; at least one, no party twice
 * @param ringTimeout how long the targets ring, in whole seconds, where the provider has one
 * @param operationContext the application's correlation string
 * @param callbackUri where the call's further events go, where the provider supports it
 */
public record RedirectCall(
    String callId,
    String incomingCallContext,
    List<Participant> targets,
    Optional<Duration> ringTimeout,
    Optional<String> operationContext,
    Optional<URI> callbackUri)
    implements CallCommand {

  /** Longest incoming-call context: providers issue contexts of a few kilobytes. */
  public static final int MAX_INCOMING_CALL_CONTEXT_LENGTH = 16_384;

  /** Validates the command and reports every broken rule. */
  public RedirectCall {
    Violations v = Violations.of("RedirectCall");
    ringTimeout = orEmpty(ringTimeout);
    operationContext = orEmpty(operationContext);
    callbackUri = orEmpty(callbackUri);
    CommandRules.common(v, callId, operationContext, callbackUri);
    if (v.required("incomingCallContext", incomingCallContext)) {
      v.check(!incomingCallContext.isBlank(), "incomingCallContext", "must not be blank", null);
      v.check(
          incomingCallContext.length() <= MAX_INCOMING_CALL_CONTEXT_LENGTH,
          "incomingCallContext",
          "must be at most " + MAX_INCOMING_CALL_CONTEXT_LENGTH + " characters",
          incomingCallContext.length() + " characters");
    }
    targets = targets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(targets));
    v.check(!targets.isEmpty(), "targets", "must name at least one target", null);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      Participant target = targets.get(i);
      CommandRules.callable(v, "targets[" + i + "]", target);
      if (target != null && !seen.add(target.rawId())) {
        v.add("targets[" + i + "]", "repeats a target", Shown.value(target.rawId()));
      }
    }
    ringTimeout.ifPresent(timeout -> v.wholeSeconds("ringTimeout", timeout, 1, 3600));
    v.throwIfAny();
  }

  @Override
  public RedirectCall withCallbackUri(URI uri) {
    return new RedirectCall(
        callId,
        incomingCallContext,
        targets,
        ringTimeout,
        operationContext,
        Optional.ofNullable(uri));
  }

  /**
   * @param callId the incoming call's id
   * @param incomingCallContext the incoming-call context
   * @param targets where the call goes
   * @return a builder
   */
  public static Builder builder(
      String callId, String incomingCallContext, List<Participant> targets) {
    return new Builder(callId, incomingCallContext, targets);
  }

  /** Builds a {@link RedirectCall}; {@link #build()} validates. */
  public static final class Builder {
    private final String callId;
    private final String incomingCallContext;
    private final List<Participant> targets;
    private Duration ringTimeout;
    private String operationContext;
    private URI callbackUri;

    private Builder(String callId, String incomingCallContext, List<Participant> targets) {
      this.callId = callId;
      this.incomingCallContext = incomingCallContext;
      this.targets = targets;
    }

    /**
     * @param value how long the targets ring
     * @return this builder
     */
    public Builder ringTimeout(Duration value) {
      ringTimeout = value;
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
     * @param value where the call's further events go
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
    public RedirectCall build() {
      return new RedirectCall(
          callId,
          incomingCallContext,
          targets,
          Optional.ofNullable(ringTimeout),
          Optional.ofNullable(operationContext),
          Optional.ofNullable(callbackUri));
    }
  }

  @Override
  public <R> R accept(CallCommand.Visitor<R> visitor) {
    return visitor.redirect(this);
  }
}
