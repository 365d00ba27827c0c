package dev.handoff.domain.command;

import static dev.handoff.domain.command.CommandRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Invite a participant into a call.
 *
 * @param callId the call to add to
 * @param participant who is invited
 * @param invitationTimeout how long the invitation rings, in whole seconds; the longest a provider
 *     accepts is its limit ({@link
 *     dev.handoff.domain.provider.ProviderLimits#invitationTimeoutSeconds()})
 * @param sourceCallerId the caller id shown to a phone invitee
 * @param sourceDisplayName the name shown to the invitee
 * @param callingContext context for the invitee
 * @param operationContext the application's correlation string
 * @param callbackUri where this operation's events go instead of the call's default callback
 */
public record AddParticipant(
    String callId,
    Participant participant,
    Optional<Duration> invitationTimeout,
    Optional<PhoneNumber> sourceCallerId,
    Optional<String> sourceDisplayName,
    CallingContext callingContext,
    Optional<String> operationContext,
    Optional<URI> callbackUri)
    implements CallCommand {

  /** Longest invitation timeout the model can hold, in seconds: a 32-bit count. */
  public static final int MAX_INVITATION_SECONDS = Integer.MAX_VALUE;

  /** Validates the command and reports every broken rule. */
  public AddParticipant {
    Violations v = Violations.of("AddParticipant");
    invitationTimeout = orEmpty(invitationTimeout);
    sourceCallerId = orEmpty(sourceCallerId);
    sourceDisplayName = orEmpty(sourceDisplayName);
    callingContext = callingContext == null ? CallingContext.EMPTY : callingContext;
    operationContext = orEmpty(operationContext);
    callbackUri = orEmpty(callbackUri);
    CommandRules.common(v, callId, operationContext, callbackUri);
    CommandRules.callable(v, "participant", participant);
    invitationTimeout.ifPresent(
        timeout -> {
          if (v.wholeSeconds("invitationTimeout", timeout, Long.MIN_VALUE, Long.MAX_VALUE)) {
            v.check(
                !timeout.isNegative(),
                "invitationTimeout",
                "must not be negative",
                timeout.getSeconds() + "s");
            v.check(
                timeout.getSeconds() <= MAX_INVITATION_SECONDS,
                "invitationTimeout",
                "must be at most " + MAX_INVITATION_SECONDS + " seconds",
                timeout.getSeconds() + "s");
          }
        });
    CommandRules.callerId(v, "sourceCallerId", sourceCallerId);
    v.optionalText("sourceDisplayName", sourceDisplayName, Participant.MAX_DISPLAY_NAME_LENGTH);
    v.throwIfAny();
  }

  @Override
  public AddParticipant withCallbackUri(URI uri) {
    return new AddParticipant(
        callId,
        participant,
        invitationTimeout,
        sourceCallerId,
        sourceDisplayName,
        callingContext,
        operationContext,
        Optional.ofNullable(uri));
  }

  /**
   * @param callId the call to add to
   * @param participant who is invited
   * @return a builder
   */
  public static Builder builder(String callId, Participant participant) {
    return new Builder(callId, participant);
  }

  /** Builds an {@link AddParticipant}; {@link #build()} validates. */
  public static final class Builder {
    private final String callId;
    private final Participant participant;
    private Duration invitationTimeout;
    private PhoneNumber sourceCallerId;
    private String sourceDisplayName;
    private CallingContext callingContext = CallingContext.EMPTY;
    private String operationContext;
    private URI callbackUri;

    private Builder(String callId, Participant participant) {
      this.callId = callId;
      this.participant = participant;
    }

    /**
     * @param value how long the invitation rings
     * @return this builder
     */
    public Builder invitationTimeout(Duration value) {
      invitationTimeout = value;
      return this;
    }

    /**
     * @param value the caller id shown to a phone invitee
     * @return this builder
     */
    public Builder sourceCallerId(PhoneNumber value) {
      sourceCallerId = value;
      return this;
    }

    /**
     * @param value the name shown to the invitee
     * @return this builder
     */
    public Builder sourceDisplayName(String value) {
      sourceDisplayName = value;
      return this;
    }

    /**
     * @param value context for the invitee
     * @return this builder
     */
    public Builder callingContext(CallingContext value) {
      callingContext = value;
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
     * @param value where this operation's events go
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
    public AddParticipant build() {
      return new AddParticipant(
          callId,
          participant,
          Optional.ofNullable(invitationTimeout),
          Optional.ofNullable(sourceCallerId),
          Optional.ofNullable(sourceDisplayName),
          callingContext,
          Optional.ofNullable(operationContext),
          Optional.ofNullable(callbackUri));
    }
  }

  @Override
  public <R> R accept(CallCommand.Visitor<R> visitor) {
    return visitor.addParticipant(this);
  }
}
