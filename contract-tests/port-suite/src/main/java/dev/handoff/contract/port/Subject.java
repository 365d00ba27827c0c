package dev.handoff.contract.port;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
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
