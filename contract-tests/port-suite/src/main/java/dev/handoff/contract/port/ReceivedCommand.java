package dev.handoff.contract.port;

import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider received for one command, or for one of a warm handoff's actions, as the
 * platform observed it on the provider's side (an emulator's request journal, a recording proxy,
 * the fake provider's own record), translated back into the model's terms. The suite compares it
 * with the command or action it submitted, so that a value the adapter dropped, changed or cut
 * short fails the test that carried it.
 *
 * <p>Of an action ({@link CallControlTestPlatform#received(String,
 * dev.handoff.domain.action.CallAction)}): {@code targets} holds the participant it holds, takes
 * off hold, plays to or removes (nothing for a prompt to everyone in the call, or a hang-up), or
 * the target of a placed call; {@code audio} the hold audio or the prompt; {@code callbackUri} the
 * action's callback URI (a placed call's own callback); {@code operationContext} as for a command.
 *
 * <p>Report what arrived, not what the command said: build it from the request the provider got,
 * never from the command. Leave out what the provider's request did not carry.
 *
 * @param targets the parties the provider was asked to reach, in order: the transfer target, the
 *     invitee, the redirect targets; with the display names they were sent with
 * @param transferee the transferee, when the request named one by identity
 * @param transfereeParticipantId the transferee's id in the call, when the request named one so
 * @param replacesCallId the consultation call a consultative transfer replaces
 * @param invitationId the invitation a cancellation withdraws
 * @param callingContext the SIP headers (by full name), User-To-User, VoIP headers and Teams phone
 *     call details the request carried; {@link CallingContext#EMPTY} for none
 * @param sourceCallerId the caller id shown to the target or invitee
 * @param sourceDisplayName the display name shown to the invitee
 * @param timeout the invitation timeout of an add, or the ring timeout of a redirect
 * @param callbackUri the per-operation callback URI
 * @param operationContext the correlation string the provider is to echo in its events
 * @param audio the hold audio or the prompt an action carried; empty for a hold with the provider's
 *     own music, and for everything else
 */
public record ReceivedCommand(
    List<Participant> targets,
    Optional<Participant> transferee,
    Optional<String> transfereeParticipantId,
    Optional<String> replacesCallId,
    Optional<String> invitationId,
    CallingContext callingContext,
    Optional<PhoneNumber> sourceCallerId,
    Optional<String> sourceDisplayName,
    Optional<Duration> timeout,
    Optional<URI> callbackUri,
    Optional<String> operationContext,
    Optional<Prompt> audio) {

  /** Copies the list and replaces missing parts with empty ones. */
  public ReceivedCommand {
    targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
    transferee = orEmpty(transferee);
    transfereeParticipantId = orEmpty(transfereeParticipantId);
    replacesCallId = orEmpty(replacesCallId);
    invitationId = orEmpty(invitationId);
    callingContext = callingContext == null ? CallingContext.EMPTY : callingContext;
    sourceCallerId = orEmpty(sourceCallerId);
    sourceDisplayName = orEmpty(sourceDisplayName);
    timeout = orEmpty(timeout);
    callbackUri = orEmpty(callbackUri);
    operationContext = orEmpty(operationContext);
    audio = orEmpty(audio);
  }

  /**
   * What the provider received for a command, without audio: the form before the suite checked a
   * warm handoff's actions, kept for platforms written against it.
   *
   * @param targets the parties the provider was asked to reach
   * @param transferee the transferee
   * @param transfereeParticipantId the transferee's participant id
   * @param replacesCallId the consultation call replaced
   * @param invitationId the invitation withdrawn
   * @param callingContext the calling context carried
   * @param sourceCallerId the caller id shown
   * @param sourceDisplayName the display name shown
   * @param timeout the invitation or ring timeout
   * @param callbackUri the per-operation callback URI
   * @param operationContext the correlation string the provider is to echo
   */
  public ReceivedCommand(
      List<Participant> targets,
      Optional<Participant> transferee,
      Optional<String> transfereeParticipantId,
      Optional<String> replacesCallId,
      Optional<String> invitationId,
      CallingContext callingContext,
      Optional<PhoneNumber> sourceCallerId,
      Optional<String> sourceDisplayName,
      Optional<Duration> timeout,
      Optional<URI> callbackUri,
      Optional<String> operationContext) {
    this(
        targets,
        transferee,
        transfereeParticipantId,
        replacesCallId,
        invitationId,
        callingContext,
        sourceCallerId,
        sourceDisplayName,
        timeout,
        callbackUri,
        operationContext,
        Optional.empty());
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /**
   * @return a builder of what a provider received, starting with nothing
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReceivedCommand}. */
  public static final class Builder {
    private final List<Participant> targets = new ArrayList<>();
    private Participant transferee;
    private String transfereeParticipantId;
    private String replacesCallId;
    private String invitationId;
    private CallingContext callingContext = CallingContext.EMPTY;
    private PhoneNumber sourceCallerId;
    private String sourceDisplayName;
    private Duration timeout;
    private URI callbackUri;
    private String operationContext;
    private Prompt audio;

    private Builder() {}

    /**
     * @param value a party the provider was asked to reach, with the display name it was sent with
     * @return this builder
     */
    public Builder target(Participant value) {
      targets.add(Objects.requireNonNull(value, "target"));
      return this;
    }

    /**
     * @param value the transferee, named by identity
     * @return this builder
     */
    public Builder transferee(Participant value) {
      transferee = value;
      return this;
    }

    /**
     * @param value the transferee's id in the call
     * @return this builder
     */
    public Builder transfereeParticipantId(String value) {
      transfereeParticipantId = value;
      return this;
    }

    /**
     * @param value the consultation call replaced
     * @return this builder
     */
    public Builder replacesCallId(String value) {
      replacesCallId = value;
      return this;
    }

    /**
     * @param value the invitation withdrawn
     * @return this builder
     */
    public Builder invitationId(String value) {
      invitationId = value;
      return this;
    }

    /**
     * @param value the calling context the request carried
     * @return this builder
     */
    public Builder callingContext(CallingContext value) {
      callingContext = value;
      return this;
    }

    /**
     * @param value the caller id shown
     * @return this builder
     */
    public Builder sourceCallerId(PhoneNumber value) {
      sourceCallerId = value;
      return this;
    }

    /**
     * @param value the display name shown to the invitee
     * @return this builder
     */
    public Builder sourceDisplayName(String value) {
      sourceDisplayName = value;
      return this;
    }

    /**
     * @param value the invitation or ring timeout
     * @return this builder
     */
    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    /**
     * @param value the per-operation callback URI
     * @return this builder
     */
    public Builder callbackUri(URI value) {
      callbackUri = value;
      return this;
    }

    /**
     * @param value the correlation string the provider is to echo
     * @return this builder
     */
    public Builder operationContext(String value) {
      operationContext = value;
      return this;
    }

    /**
     * @param value the hold audio or the prompt an action carried, read back from the request: the
     *     audio file, or the text with the locale and voice it was sent with
     * @return this builder
     */
    public Builder audio(Prompt value) {
      audio = value;
      return this;
    }

    /**
     * @return what the provider received
     */
    public ReceivedCommand build() {
      return new ReceivedCommand(
          targets,
          Optional.ofNullable(transferee),
          Optional.ofNullable(transfereeParticipantId),
          Optional.ofNullable(replacesCallId),
          Optional.ofNullable(invitationId),
          callingContext,
          Optional.ofNullable(sourceCallerId),
          Optional.ofNullable(sourceDisplayName),
          Optional.ofNullable(timeout),
          Optional.ofNullable(callbackUri),
          Optional.ofNullable(operationContext),
          Optional.ofNullable(audio));
    }
  }
}
