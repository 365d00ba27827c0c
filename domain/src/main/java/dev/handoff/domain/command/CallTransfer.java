package dev.handoff.domain.command;

import static dev.handoff.domain.command.CommandRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.util.Optional;

/**
 * Transfer a call (RFC 5589): the application, as transferor, hands the transferee on to the
 * transfer target.
 *
 * @param callId the call being transferred: the transferor's call
 * @param target the transfer target
 * @param transferee who is transferred; required by providers when the call has more than two
 *     parties
 * @param mode blind, or consultative with the call it replaces
 * @param callingContext context for the target; {@link CallingContext#EMPTY} for none
 * @param operationContext the application's correlation string
 * @param sourceCallerId the caller id shown to a phone target
 * @param callbackUri where this operation's events go instead of the call's default callback
 */
public record CallTransfer(
    String callId,
    Participant target,
    Optional<Transferee> transferee,
    TransferMode mode,
    CallingContext callingContext,
    Optional<String> operationContext,
    Optional<PhoneNumber> sourceCallerId,
    Optional<URI> callbackUri)
    implements CallCommand {

  /** Validates the command and reports every broken rule. */
  public CallTransfer {
    Violations v = Violations.of("CallTransfer");
    transferee = orEmpty(transferee);
    mode = mode == null ? TransferMode.blind() : mode;
    callingContext = callingContext == null ? CallingContext.EMPTY : callingContext;
    operationContext = orEmpty(operationContext);
    sourceCallerId = orEmpty(sourceCallerId);
    callbackUri = orEmpty(callbackUri);
    CommandRules.common(v, callId, operationContext, callbackUri);
    CommandRules.callable(v, "target", target);
    Participant to = target;
    transferee.ifPresent(
        t ->
            v.check(
                !t.participant().sameParty(to),
                "transferee.participant",
                "must not be the transfer target",
                t.participant().rawId()));
    if (mode instanceof TransferMode.Consultative) {
      String replaced = ((TransferMode.Consultative) mode).replacesCallId();
      v.check(
          !replaced.equals(callId),
          "mode.replacesCallId",
          "must name the consultation call, not the call being transferred",
          replaced);
    }
    CommandRules.callerId(v, "sourceCallerId", sourceCallerId);
    v.throwIfAny();
  }

  @Override
  public CallTransfer withCallbackUri(URI uri) {
    return new CallTransfer(
        callId,
        target,
        transferee,
        mode,
        callingContext,
        operationContext,
        sourceCallerId,
        Optional.ofNullable(uri));
  }

  /**
   * @param callId the call being transferred
   * @param target the transfer target
   * @return a builder for a blind transfer without context
   */
  public static Builder builder(String callId, Participant target) {
    return new Builder(callId, target);
  }

  /**
   * @return whether this is a consultative transfer
   */
  public boolean consultative() {
    return mode instanceof TransferMode.Consultative;
  }

  /** Builds a {@link CallTransfer}; {@link #build()} validates. */
  public static final class Builder {
    private final String callId;
    private final Participant target;
    private Transferee transferee;
    private TransferMode mode = TransferMode.blind();
    private CallingContext callingContext = CallingContext.EMPTY;
    private String operationContext;
    private PhoneNumber sourceCallerId;
    private URI callbackUri;

    private Builder(String callId, Participant target) {
      this.callId = callId;
      this.target = target;
    }

    /**
     * @param value who is transferred
     * @return this builder
     */
    public Builder transferee(Transferee value) {
      transferee = value;
      return this;
    }

    /**
     * @param value who is transferred, identified by identity
     * @return this builder
     */
    public Builder transferee(Participant value) {
      return transferee(value == null ? null : Transferee.of(value));
    }

    /**
     * @param value the mode
     * @return this builder
     */
    public Builder mode(TransferMode value) {
      mode = value;
      return this;
    }

    /**
     * Makes this a consultative transfer.
     *
     * @param consultationCallId the call the target already shares with the transferor
     * @return this builder
     */
    public Builder replacing(String consultationCallId) {
      return mode(TransferMode.consultative(consultationCallId));
    }

    /**
     * @param value context for the target
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
     * @param value the caller id shown to a phone target
     * @return this builder
     */
    public Builder sourceCallerId(PhoneNumber value) {
      sourceCallerId = value;
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
    public CallTransfer build() {
      return new CallTransfer(
          callId,
          target,
          Optional.ofNullable(transferee),
          mode,
          callingContext,
          Optional.ofNullable(operationContext),
          Optional.ofNullable(sourceCallerId),
          Optional.ofNullable(callbackUri));
    }
  }

  @Override
  public <R> R accept(CallCommand.Visitor<R> visitor) {
    return visitor.transfer(this);
  }
}
