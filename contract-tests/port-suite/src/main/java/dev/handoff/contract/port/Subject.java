package dev.handoff.contract.port;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.provider.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one check is about: the feature under test and the command that exercises it. Every failure
 * message of the suite starts with it, so that a report names the capability, the command and,
 * after it, what was expected.
 */
final class Subject {
  private final String feature;
  private final String command;

  private Subject(String feature, String command) {
    this.feature = feature;
    this.command = command;
  }

  /**
   * @param capability the feature under test
   * @param command the command that needs it
   * @return the subject
   */
  static Subject of(Capability capability, CallCommand command) {
    return new Subject(name(capability), describe(command));
  }

  /**
   * @param topic what is tested when no single capability is, e.g. "participant kind TEAMS_USER"
   * @param command the command
   * @return the subject
   */
  static Subject of(String topic, CallCommand command) {
    return new Subject(topic, describe(command));
  }

  /**
   * @param capability the feature under test
   * @param action the warm handoff's action that needs it
   * @return the subject
   */
  static Subject of(Capability capability, ActionCommand action) {
    return new Subject(name(capability), describe(action));
  }

  /**
   * @param capability the feature under test
   * @param what what the suite asks of the adapter, e.g. "the participant list of call c-1"
   * @return the subject
   */
  static Subject about(Capability capability, String what) {
    return new Subject(name(capability), what);
  }

  /**
   * @param capability a capability
   * @return its name and description, e.g. {@code SIP_HEADERS (custom SIP headers)}
   */
  static String name(Capability capability) {
    return capability.name() + " (" + capability.description() + ")";
  }

  /**
   * @param expected what the suite expected
   * @return the message: feature, command, expectation
   */
  String expecting(String expected) {
    return feature + " with " + command + ": expected " + expected;
  }

  @Override
  public String toString() {
    return feature + " with " + command;
  }

  /**
   * @param command a command
   * @return a one-line account of it: kind, call, parties and every optional part it carries
   */
  static String describe(CallCommand command) {
    List<String> parts = new ArrayList<>();
    String head =
        command.accept(
            new CallCommand.Visitor<>() {
              @Override
              public String transfer(CallTransfer transfer) {
                transfer
                    .transferee()
                    .ifPresent(
                        t ->
                            parts.add(
                                "transferee "
                                    + participant(t.participant())
                                    + t.callParticipantId()
                                        .map(id -> " (participant id " + id + ")")
                                        .orElse("")));
                if (transfer.mode() instanceof TransferMode.Consultative consultative) {
                  parts.add("replacing call " + consultative.replacesCallId());
                }
                context(transfer.callingContext(), parts);
                transfer
                    .sourceCallerId()
                    .ifPresent(id -> parts.add("sourceCallerId " + id.value()));
                optional("callbackUri", transfer.callbackUri(), parts);
                return "CallTransfer of call "
                    + transfer.callId()
                    + " to "
                    + participant(transfer.target());
              }

              @Override
              public String addParticipant(AddParticipant add) {
                add.invitationTimeout()
                    .ifPresent(t -> parts.add("invitationTimeout " + t.getSeconds() + "s"));
                add.sourceCallerId().ifPresent(id -> parts.add("sourceCallerId " + id.value()));
                optional("sourceDisplayName", add.sourceDisplayName(), parts);
                context(add.callingContext(), parts);
                optional("callbackUri", add.callbackUri(), parts);
                return "AddParticipant to call "
                    + add.callId()
                    + " inviting "
                    + participant(add.participant());
              }

              @Override
              public String cancelAddParticipant(CancelAddParticipant cancel) {
                optional("callbackUri", cancel.callbackUri(), parts);
                return "CancelAddParticipant of invitation "
                    + cancel.invitationId()
                    + " on call "
                    + cancel.callId();
              }

              @Override
              public String redirect(RedirectCall redirect) {
                redirect
                    .ringTimeout()
                    .ifPresent(t -> parts.add("ringTimeout " + t.getSeconds() + "s"));
                optional("callbackUri", redirect.callbackUri(), parts);
                return "RedirectCall of incoming call "
                    + redirect.callId()
                    + " to "
                    + redirect.targets().stream()
                        .map(Subject::participant)
                        .collect(Collectors.toList());
              }

              @Override
              public String warmHandoff(WarmHandoff handoff) {
                throw ReceivedCheck.notOnePort(handoff);
              }
            });
    optional("operationContext", command.operationContext(), parts);
    return parts.isEmpty() ? head : head + " (" + String.join(", ", parts) + ")";
  }

  /**
   * @param action a warm handoff's action
   * @return a one-line account of it: kind, call, participant, audio and callback URI
   */
  static String describe(ActionCommand action) {
    List<String> parts = new ArrayList<>();
    String head;
    if (action instanceof HoldParticipant) {
      HoldParticipant hold = (HoldParticipant) action;
      head = "HoldParticipant of " + transferee(hold.participant()) + " on call " + hold.callId();
      parts.add(hold.audio().map(Subject::prompt).orElse("the provider's hold music"));
    } else if (action instanceof ResumeParticipant) {
      ResumeParticipant resume = (ResumeParticipant) action;
      head =
          "ResumeParticipant of "
              + transferee(resume.participant())
              + " on call "
              + resume.callId();
    } else if (action instanceof PlayPrompt) {
      PlayPrompt play = (PlayPrompt) action;
      head =
          "PlayPrompt of "
              + prompt(play.prompt())
              + " to "
              + play.playTo().map(Subject::participant).orElse("everyone")
              + " on call "
              + play.callId();
    } else if (action instanceof RemoveParticipant) {
      RemoveParticipant remove = (RemoveParticipant) action;
      head =
          "RemoveParticipant of "
              + participant(remove.participant())
              + " from call "
              + remove.callId();
    } else if (action instanceof PlaceCall) {
      head = "PlaceCall to " + participant(((PlaceCall) action).target());
    } else {
      head = "HangUp of call " + ((HangUp) action).callId();
    }
    optional("callbackUri", action.callbackUri(), parts);
    return parts.isEmpty() ? head : head + " (" + String.join(", ", parts) + ")";
  }

  /**
   * @param prompt audio to hear
   * @return it for people: the file, or the text with its locale and voice
   */
  static String prompt(Prompt prompt) {
    if (prompt instanceof Prompt.Audio) {
      return "the audio file " + ((Prompt.Audio) prompt).uri();
    }
    Prompt.Speech speech = (Prompt.Speech) prompt;
    return "the text \""
        + speech.text()
        + "\""
        + speech.locale().map(locale -> " in " + locale).orElse("")
        + speech.voice().map(voice -> " spoken by " + voice).orElse("");
  }

  private static String transferee(Transferee transferee) {
    return participant(transferee.participant())
        + transferee.callParticipantId().map(id -> " (participant id " + id + ")").orElse("");
  }

  static String participant(Participant participant) {
    return participant.rawId()
        + participant.displayName().map(name -> " named \"" + name + "\"").orElse("");
  }

  private static void context(CallingContext context, List<String> parts) {
    if (!context.sipHeaders().isEmpty()) {
      parts.add("sipHeaders " + context.sipHeaders());
    }
    context.userToUser().ifPresent(value -> parts.add("userToUser " + value));
    if (!context.voipHeaders().isEmpty()) {
      parts.add("voipHeaders " + context.voipHeaders());
    }
    context.teamsPhoneCallDetails().ifPresent(details -> parts.add("teamsPhoneCallDetails"));
  }

  private static void optional(String name, Optional<?> value, List<String> parts) {
    value.ifPresent(v -> parts.add(name + " " + v));
  }
}
