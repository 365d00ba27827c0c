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
import dev.handoff.domain.participant.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One check of a command or an action against a provider's capabilities: collects every part the
 * provider cannot carry, with its path, one method per kind of command.
 *
 * <p>Long because it checks every part of every command (participants, calling context, caller ids,
 * timeouts, prompts) against the provider's features and limits.
 */
final class CapabilityCheck implements CallCommand.Visitor<Void> {
  private final ProviderCapabilities capabilities;

  CapabilityCheck(ProviderCapabilities capabilities) {
    this.capabilities = capabilities;
  }

  final List<CapabilityViolation> found = new ArrayList<>();

  private void need(Capability feature, String path) {
    if (!capabilities.features().contains(feature)) {
      found.add(new CapabilityViolation(path, "does not support " + feature.description()));
    }
  }

  private void participant(Participant participant, String path) {
    if (!capabilities.addressable().contains(participant.kind())) {
      found.add(
          new CapabilityViolation(path, "cannot address " + participant.kind() + " participants"));
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
                    capabilities.limits().operationContextLength(),
                    context.length(),
                    "operationContext",
                    "characters of operation context"));
  }

  private void context(CallingContext context, String path) {
    if (context.userToUser().isPresent()) {
      need(Capability.USER_TO_USER, path + ".userToUser");
      atMost(
          capabilities.limits().sipHeaderValueLength(),
          context.userToUser().get().length(),
          path + ".userToUser",
          "characters of User-To-User value");
    }
    if (!context.sipHeaders().isEmpty()) {
      need(Capability.SIP_HEADERS, path + ".sipHeaders");
      atMost(
          capabilities.limits().sipHeaders(),
          context.sipHeaders().size(),
          path + ".sipHeaders",
          "custom SIP headers besides User-To-User");
      context
          .sipHeaders()
          .forEach(
              (name, value) -> {
                String header = path + ".sipHeaders[" + name + "]";
                atMost(
                    capabilities.limits().sipHeaderNameLength(),
                    name.length(),
                    header,
                    "characters of SIP header name, prefix included");
                atMost(
                    capabilities.limits().sipHeaderValueLength(),
                    value.length(),
                    header,
                    "characters of SIP header value");
              });
    }
    if (!context.voipHeaders().isEmpty()) {
      need(Capability.VOIP_HEADERS, path + ".voipHeaders");
      atMost(
          capabilities.limits().voipHeaders(),
          context.voipHeaders().size(),
          path + ".voipHeaders",
          "VoIP headers");
      context
          .voipHeaders()
          .forEach(
              (name, value) -> {
                String header = path + ".voipHeaders[" + name + "]";
                atMost(
                    capabilities.limits().voipHeaderNameLength(),
                    name.length(),
                    header,
                    "characters of VoIP header name");
                atMost(
                    capabilities.limits().voipHeaderValueLength(),
                    value.length(),
                    header,
                    "characters of VoIP header value");
              });
    }
    if (context.teamsPhoneCallDetails().isPresent()) {
      need(Capability.TEAMS_PHONE_CALL_DETAILS, path + ".teamsPhoneCallDetails");
      teamsPhoneCallDetails(context.teamsPhoneCallDetails().get(), path + ".teamsPhoneCallDetails");
    }
  }

  private void teamsPhoneCallDetails(TeamsPhoneCallDetails details, String path) {
    details
        .callTopic()
        .ifPresent(
            topic ->
                atMost(
                    capabilities.limits().callTopicLength(),
                    topic.length(),
                    path + ".callTopic",
                    "characters of call topic"));
    details
        .callerDetails()
        .ifPresent(
            caller ->
                atMost(
                    capabilities.limits().additionalCallerInformation(),
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
          capabilities.limits().invitationTimeoutSeconds(),
          (int) Math.min(Integer.MAX_VALUE, add.invitationTimeout().get().getSeconds()),
          "invitationTimeout",
          "seconds of invitation timeout");
    }
    if (add.sourceCallerId().isPresent()) {
      need(Capability.ADD_SOURCE_CALLER_ID, "sourceCallerId");
    } else if (capabilities.limits().phoneInvitationNeedsSourceCallerId()
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
      // Each target is invited with its ring timeout as the invitation timeout: the
      // provider's limit on that applies, not only the model's bound.
      atMost(
          capabilities.limits().invitationTimeoutSeconds(),
          (int) Math.min(Integer.MAX_VALUE, handoff.targets().get(i).ringTimeout().getSeconds()),
          "targets[" + i + "].ringTimeout",
          "seconds of invitation timeout");
    }
    // Each target is invited as an AddParticipant would be: a provider that shows
    // the invitation's caller id needs one for a phone number.
    if (handoff.sourceCallerId().isEmpty()
        && capabilities.limits().phoneInvitationNeedsSourceCallerId()) {
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
      participant(((Fallback.LastTarget) handoff.fallback()).participant(), "fallback.participant");
    }
    if (handoff.sourceCallerId().isPresent()) {
      need(Capability.ADD_SOURCE_CALLER_ID, "sourceCallerId");
    }
    if (handoff.callbackUri().isPresent()) {
      need(Capability.HANDOFF_CALLBACK_OVERRIDE, "callbackUri");
    }
    return null;
  }

  void action(ActionCommand command) {
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
    // A placed call's callback is the new call's own, part of placing it; on the other actions a
    // callback URI is a per-operation one, which a provider without it would silently drop.
    if (!(command instanceof PlaceCall) && command.callbackUri().isPresent()) {
      need(Capability.HANDOFF_CALLBACK_OVERRIDE, "callbackUri");
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
    if (redirect.targets().size() > capabilities.maxRedirectTargets()) {
      found.add(
          new CapabilityViolation(
              "targets",
              "accepts at most "
                  + capabilities.maxRedirectTargets()
                  + " redirect target(s), got "
                  + redirect.targets().size()));
    }
    redirect
        .ringTimeout()
        .ifPresent(
            timeout -> {
              need(Capability.REDIRECT_RING_TIMEOUT, "ringTimeout");
              capabilities
                  .redirectRingTimeout()
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
