package dev.handoff.domain.provider;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one provider can carry, declared truthfully by its adapter, and the check of a command
 * against it: the features it needs, the participants it addresses, and the provider's limits
 * ({@link ProviderLimits}), each refusal naming the field.
 *
 * @param provider the provider
 * @param features the features it supports
 * @param addressable the kinds of participant it can address
 * @param maxRedirectTargets the most targets one redirect may name (0 when it cannot redirect)
 * @param redirectRingTimeout the ring timeouts it accepts on redirect, when it has one
 * @param limits its numeric limits and wire requirements
 *     <p>Long because it checks every part of every command against the provider's features and
 *     limits, one method per kind of command.
 */
public record ProviderCapabilities(
    ProviderId provider,
    Set<Capability> features,
    Set<ParticipantKind> addressable,
    int maxRedirectTargets,
    Optional<SecondsRange> redirectRingTimeout,
    ProviderLimits limits) {

  /**
   * An inclusive range of whole seconds.
   *
   * @param min the least
   * @param max the most
   */
  public record SecondsRange(long min, long max) {
    /** Validates the range. */
    public SecondsRange {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("invalid range " + min + ".." + max);
      }
    }

    /**
     * @param duration a duration
     * @return whether it lies in the range
     */
    public boolean contains(Duration duration) {
      return duration.getSeconds() >= min && duration.getSeconds() <= max;
    }
  }

  /** Copies the sets, unmodifiable. */
  public ProviderCapabilities {
    Objects.requireNonNull(provider, "provider");
    features =
        Collections.unmodifiableSet(
            features.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(features));
    addressable =
        Collections.unmodifiableSet(
            addressable.isEmpty()
                ? EnumSet.noneOf(ParticipantKind.class)
                : EnumSet.copyOf(addressable));
    redirectRingTimeout = redirectRingTimeout == null ? Optional.empty() : redirectRingTimeout;
    limits = limits == null ? ProviderLimits.NONE : limits;
    if (maxRedirectTargets < 0) {
      throw new IllegalArgumentException("maxRedirectTargets must not be negative");
    }
  }

  /**
   * Capabilities without limits.
   *
   * @param provider the provider
   * @param features the features it supports
   * @param addressable the kinds of participant it can address
   * @param maxRedirectTargets the most targets one redirect may name
   * @param redirectRingTimeout the ring timeouts it accepts on redirect, when it has one
   */
  public ProviderCapabilities(
      ProviderId provider,
      Set<Capability> features,
      Set<ParticipantKind> addressable,
      int maxRedirectTargets,
      Optional<SecondsRange> redirectRingTimeout) {
    this(
        provider,
        features,
        addressable,
        maxRedirectTargets,
        redirectRingTimeout,
        ProviderLimits.NONE);
  }

  /**
   * @param feature a feature
   * @return whether the provider supports it
   */
  public boolean supports(Capability feature) {
    return features.contains(feature);
  }

  /**
   * @param command a command
   * @return everything in it the provider cannot carry; empty when it can carry all of it
   */
  public List<CapabilityViolation> check(CallCommand command) {
    Check check = new Check();
    command.accept(check);
    return check.found;
  }

  /**
   * @param command one action of a warm handoff
   * @return everything in it the provider cannot carry; empty when it can carry all of it
   */
  public List<CapabilityViolation> check(ActionCommand command) {
    Check check = new Check();
    check.action(command);
    return check.found;
  }

  /**
   * @param command one action of a warm handoff
   * @throws UnsupportedByProviderException naming everything the provider cannot carry
   */
  public void requireSupported(ActionCommand command) {
    List<CapabilityViolation> violations = check(command);
    if (!violations.isEmpty()) {
      throw new UnsupportedByProviderException(provider, violations);
    }
  }

  /**
   * @param command a command
   * @throws UnsupportedByProviderException naming everything the provider cannot carry
   */
  public void requireSupported(CallCommand command) {
    List<CapabilityViolation> violations = check(command);
    if (!violations.isEmpty()) {
      throw new UnsupportedByProviderException(provider, violations);
    }
  }

  private final class Check implements CallCommand.Visitor<Void> {
    private final List<CapabilityViolation> found = new ArrayList<>();

    private void need(Capability feature, String path) {
      if (!features.contains(feature)) {
        found.add(new CapabilityViolation(path, "does not support " + feature.description()));
      }
    }

    private void participant(Participant participant, String path) {
      if (!addressable.contains(participant.kind())) {
        found.add(
            new CapabilityViolation(
                path, "cannot address " + participant.kind() + " participants"));
      }
      if (participant.displayName().isPresent()) {
        need(Capability.PARTICIPANT_DISPLAY_NAME, path + ".displayName");
      }
    }

    private void atMost(OptionalInt limit, int actual, String path, String what) {
      if (limit.isPresent() && actual > limit.getAsInt()) {
        found.add(
            new CapabilityViolation(
                path, "accepts at most " + limit.getAsInt() + " " + what + ", got " + actual));
      }
    }

    // Only an invitation carries the operation context to a provider that limits it (Graph's
    // clientContext); elsewhere it stays with Handoff and no provider limit applies.
    private void operationContext(CallCommand command) {
      command
          .operationContext()
          .ifPresent(
              context ->
                  atMost(
                      limits.operationContextLength(),
                      context.length(),
                      "operationContext",
                      "characters of operation context"));
    }

    private void context(CallingContext context, String path) {
      if (context.userToUser().isPresent()) {
        need(Capability.USER_TO_USER, path + ".userToUser");
        atMost(
            limits.sipHeaderValueLength(),
            context.userToUser().get().length(),
            path + ".userToUser",
            "characters of User-To-User value");
      }
      if (!context.sipHeaders().isEmpty()) {
        need(Capability.SIP_HEADERS, path + ".sipHeaders");
        atMost(
            limits.sipHeaders(),
            context.sipHeaders().size(),
            path + ".sipHeaders",
            "custom SIP headers besides User-To-User");
        context
            .sipHeaders()
            .forEach(
                (name, value) -> {
                  String header = path + ".sipHeaders[" + name + "]";
                  atMost(
                      limits.sipHeaderNameLength(),
                      name.length(),
                      header,
                      "characters of SIP header name, prefix included");
                  atMost(
                      limits.sipHeaderValueLength(),
                      value.length(),
                      header,
                      "characters of SIP header value");
                });
      }
      if (!context.voipHeaders().isEmpty()) {
        need(Capability.VOIP_HEADERS, path + ".voipHeaders");
        atMost(
            limits.voipHeaders(),
            context.voipHeaders().size(),
            path + ".voipHeaders",
            "VoIP headers");
        context
            .voipHeaders()
            .forEach(
                (name, value) -> {
                  String header = path + ".voipHeaders[" + name + "]";
                  atMost(
                      limits.voipHeaderNameLength(),
                      name.length(),
                      header,
                      "characters of VoIP header name");
                  atMost(
                      limits.voipHeaderValueLength(),
                      value.length(),
                      header,
                      "characters of VoIP header value");
                });
      }
      if (context.teamsPhoneCallDetails().isPresent()) {
        need(Capability.TEAMS_PHONE_CALL_DETAILS, path + ".teamsPhoneCallDetails");
        teamsPhoneCallDetails(
            context.teamsPhoneCallDetails().get(), path + ".teamsPhoneCallDetails");
      }
    }

    private void teamsPhoneCallDetails(TeamsPhoneCallDetails details, String path) {
      details
          .callTopic()
          .ifPresent(
              topic ->
                  atMost(
                      limits.callTopicLength(),
                      topic.length(),
                      path + ".callTopic",
                      "characters of call topic"));
      details
          .callerDetails()
          .ifPresent(
              caller ->
                  atMost(
                      limits.additionalCallerInformation(),
                      caller.additionalCallerInformation().size(),
                      path + ".callerDetails.additionalCallerInformation",
                      "additional caller information entries (it would ignore the rest)"));
    }

    @Override
    public Void transfer(CallTransfer transfer) {
      need(Capability.TRANSFER, "CallTransfer");
      participant(transfer.target(), "target");
      transfer
          .transferee()
          .ifPresent(
              transferee -> {
                need(Capability.TRANSFEREE, "transferee");
                participant(transferee.participant(), "transferee.participant");
                if (transferee.callParticipantId().isPresent()) {
                  need(Capability.TRANSFEREE_PARTICIPANT_ID, "transferee.callParticipantId");
                }
              });
      if (transfer.consultative()) {
        need(Capability.CONSULTATIVE_TRANSFER, "mode");
      }
      if (transfer.sourceCallerId().isPresent()) {
        need(Capability.TRANSFER_SOURCE_CALLER_ID, "sourceCallerId");
      }
      if (transfer.callbackUri().isPresent()) {
        need(Capability.TRANSFER_CALLBACK_OVERRIDE, "callbackUri");
      }
      context(transfer.callingContext(), "callingContext");
      return null;
    }

    @Override
    public Void addParticipant(AddParticipant add) {
      need(Capability.ADD_PARTICIPANT, "AddParticipant");
      operationContext(add);
      participant(add.participant(), "participant");
      if (add.invitationTimeout().isPresent()) {
        need(Capability.INVITATION_TIMEOUT, "invitationTimeout");
        atMost(
            limits.invitationTimeoutSeconds(),
            (int) Math.min(Integer.MAX_VALUE, add.invitationTimeout().get().getSeconds()),
            "invitationTimeout",
            "seconds of invitation timeout");
      }
      if (add.sourceCallerId().isPresent()) {
        need(Capability.ADD_SOURCE_CALLER_ID, "sourceCallerId");
      } else if (limits.phoneInvitationNeedsSourceCallerId()
          && add.participant() instanceof PhoneNumber) {
        found.add(
            new CapabilityViolation(
                "sourceCallerId",
                "is required to invite a phone number: the provider shows it to the callee as"
                    + " the caller id"));
      }
      if (add.sourceDisplayName().isPresent()) {
        need(Capability.SOURCE_DISPLAY_NAME, "sourceDisplayName");
      }
      if (add.callbackUri().isPresent()) {
        need(Capability.ADD_CALLBACK_OVERRIDE, "callbackUri");
      }
      context(add.callingContext(), "callingContext");
      return null;
    }

    @Override
    public Void cancelAddParticipant(CancelAddParticipant cancel) {
      need(Capability.CANCEL_ADD_PARTICIPANT, "CancelAddParticipant");
      if (cancel.callbackUri().isPresent()) {
        need(Capability.CANCEL_CALLBACK_OVERRIDE, "callbackUri");
      }
      return null;
    }

    @Override
    public Void warmHandoff(WarmHandoff handoff) {
      need(Capability.WARM_HANDOFF, "WarmHandoff");
      handoff
          .transferee()
          .ifPresent(
              transferee -> {
                participant(transferee.participant(), "transferee.participant");
                if (transferee.callParticipantId().isPresent()) {
                  need(Capability.TRANSFEREE_PARTICIPANT_ID, "transferee.callParticipantId");
                }
              });
      for (int i = 0; i < handoff.targets().size(); i++) {
        participant(handoff.targets().get(i).participant(), "targets[" + i + "].participant");
        // Each target is invited with its ring timeout as the invitation timeout: the provider's
        // limit on that applies, not only the model's bound.
        atMost(
            limits.invitationTimeoutSeconds(),
            (int) Math.min(Integer.MAX_VALUE, handoff.targets().get(i).ringTimeout().getSeconds()),
            "targets[" + i + "].ringTimeout",
            "seconds of invitation timeout");
      }
      // Each target is invited as an AddParticipant would be: a provider that shows the
      // invitation's caller id needs one for a phone number.
      if (handoff.sourceCallerId().isEmpty() && limits.phoneInvitationNeedsSourceCallerId()) {
        for (int i = 0; i < handoff.targets().size(); i++) {
          if (handoff.targets().get(i).participant() instanceof PhoneNumber) {
            found.add(
                new CapabilityViolation(
                    "sourceCallerId",
                    "is required to invite a phone number (targets["
                        + i
                        + "]): the provider shows it to the callee as the caller id"));
            break;
          }
        }
      }
      handoff
          .holdAudio()
          .ifPresent(
              audio ->
                  need(
                      audio instanceof Prompt.Speech
                          ? Capability.HOLD_AUDIO_SPEECH
                          : Capability.HOLD_AUDIO_FILE,
                      "holdAudio"));
      handoff
          .briefing()
          .prompt()
          .ifPresent(
              prompt ->
                  need(
                      prompt instanceof Prompt.Speech
                          ? Capability.PROMPT_SPEECH
                          : Capability.PROMPT_AUDIO_FILE,
                      "briefing.prompt"));
      context(handoff.briefing().callingContext(), "briefing.callingContext");
      if (handoff.fallback() instanceof Fallback.LastTarget) {
        need(Capability.TRANSFER, "fallback");
        participant(
            ((Fallback.LastTarget) handoff.fallback()).participant(), "fallback.participant");
      }
      if (handoff.sourceCallerId().isPresent()) {
        need(Capability.ADD_SOURCE_CALLER_ID, "sourceCallerId");
      }
      if (handoff.callbackUri().isPresent()) {
        need(Capability.HANDOFF_CALLBACK_OVERRIDE, "callbackUri");
      }
      return null;
    }

    private void action(ActionCommand command) {
      String name = command.getClass().getSimpleName();
      if (command instanceof PlaceCall) {
        need(Capability.CONSULTATION_CALL, name);
        participant(((PlaceCall) command).target(), "target");
      } else if (command instanceof RemoveParticipant) {
        need(Capability.REMOVE_PARTICIPANT, name);
        participant(((RemoveParticipant) command).participant(), "participant");
      } else {
        need(Capability.WARM_HANDOFF, name);
      }
      if (command instanceof HoldParticipant) {
        HoldParticipant hold = (HoldParticipant) command;
        participant(hold.participant().participant(), "participant.participant");
        hold.audio()
            .ifPresent(
                audio ->
                    need(
                        audio instanceof Prompt.Speech
                            ? Capability.HOLD_AUDIO_SPEECH
                            : Capability.HOLD_AUDIO_FILE,
                        "audio"));
      } else if (command instanceof ResumeParticipant) {
        participant(
            ((ResumeParticipant) command).participant().participant(), "participant.participant");
      } else if (command instanceof PlayPrompt) {
        PlayPrompt play = (PlayPrompt) command;
        need(
            play.prompt() instanceof Prompt.Speech
                ? Capability.PROMPT_SPEECH
                : Capability.PROMPT_AUDIO_FILE,
            "prompt");
        play.playTo().ifPresent(to -> participant(to, "playTo"));
      }
    }

    @Override
    public Void redirect(RedirectCall redirect) {
      need(Capability.REDIRECT, "RedirectCall");
      for (int i = 0; i < redirect.targets().size(); i++) {
        participant(redirect.targets().get(i), "targets[" + i + "]");
      }
      if (redirect.targets().size() > maxRedirectTargets) {
        found.add(
            new CapabilityViolation(
                "targets",
                "accepts at most "
                    + maxRedirectTargets
                    + " redirect target(s), got "
                    + redirect.targets().size()));
      }
      redirect
          .ringTimeout()
          .ifPresent(
              timeout -> {
                need(Capability.REDIRECT_RING_TIMEOUT, "ringTimeout");
                redirectRingTimeout
                    .filter(range -> !range.contains(timeout))
                    .ifPresent(
                        range ->
                            found.add(
                                new CapabilityViolation(
                                    "ringTimeout",
                                    "accepts ring timeouts of "
                                        + range.min()
                                        + " to "
                                        + range.max()
                                        + " seconds, got "
                                        + timeout.getSeconds())));
              });
      if (redirect.callbackUri().isPresent()) {
        need(Capability.REDIRECT_CALLBACK_OVERRIDE, "callbackUri");
      }
      return null;
    }
  }

  /**
   * @param provider the provider
   * @return a builder that starts with nothing supported
   */
  public static Builder builder(ProviderId provider) {
    return new Builder(provider);
  }

  /** Builds {@link ProviderCapabilities}. */
  public static final class Builder {
    private final ProviderId provider;
    private final Set<Capability> features = EnumSet.noneOf(Capability.class);
    private final Set<ParticipantKind> addressable = EnumSet.noneOf(ParticipantKind.class);
    private int maxRedirectTargets;
    private SecondsRange redirectRingTimeout;
    private ProviderLimits limits = ProviderLimits.NONE;

    private Builder(ProviderId provider) {
      this.provider = provider;
    }

    /**
     * @param supported the features supported
     * @return this builder
     */
    public Builder supports(Capability... supported) {
      features.addAll(List.of(supported));
      return this;
    }

    /**
     * @param kinds the participant kinds the provider can address
     * @return this builder
     */
    public Builder addresses(ParticipantKind... kinds) {
      addressable.addAll(List.of(kinds));
      return this;
    }

    /**
     * @param value the most targets one redirect may name
     * @return this builder
     */
    public Builder maxRedirectTargets(int value) {
      maxRedirectTargets = value;
      return this;
    }

    /**
     * @param minSeconds the shortest ring timeout
     * @param maxSeconds the longest ring timeout
     * @return this builder
     */
    public Builder redirectRingTimeout(long minSeconds, long maxSeconds) {
      redirectRingTimeout = new SecondsRange(minSeconds, maxSeconds);
      return this;
    }

    /**
     * @param value the provider's numeric limits and wire requirements
     * @return this builder
     */
    public Builder limits(ProviderLimits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * @return the capabilities
     */
    public ProviderCapabilities build() {
      return new ProviderCapabilities(
          provider,
          features,
          addressable,
          maxRedirectTargets,
          Optional.ofNullable(redirectRingTimeout),
          limits);
    }
  }
}
