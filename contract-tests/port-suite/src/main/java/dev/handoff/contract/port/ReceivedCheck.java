package dev.handoff.contract.port;

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
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a command, or a warm handoff's action, with what the provider received for it, part by
 * part, for the parts the platform can observe. Each difference is one sentence saying what was
 * expected and what arrived.
 */
final class ReceivedCheck {
  private final Set<Observation> observed;
  private final List<String> differences = new ArrayList<>();

  private ReceivedCheck(Set<Observation> observed) {
    this.observed = observed;
  }

  /**
   * @param command the command submitted
   * @param correlation the correlation string submitted with it
   * @param received what the provider received
   * @param observed what the platform can observe
   * @return every difference; empty when everything the command carries arrived intact
   */
  static List<String> differences(
      CallCommand command,
      String correlation,
      ReceivedCommand received,
      Set<Observation> observed) {
    ReceivedCheck check = new ReceivedCheck(observed);
    check.compare(command, correlation, received);
    return check.differences;
  }

  /**
   * @param action a warm handoff's action sent
   * @param correlation the correlation string sent with it
   * @param received what the provider received
   * @param observed what the platform can observe
   * @return every difference; empty when everything the action carries arrived intact
   */
  static List<String> differences(
      ActionCommand action,
      String correlation,
      ReceivedCommand received,
      Set<Observation> observed) {
    ReceivedCheck check = new ReceivedCheck(observed);
    check.compare(action, received);
    check.operationContext(correlation, received);
    return check.differences;
  }

  /**
   * @param action a warm handoff's action
   * @return the observations needed to compare everything it carries: that it arrived, on whom,
   *     with its correlation; the audio of a hold or prompt; its callback URI
   */
  static Set<Observation> needed(ActionCommand action) {
    Set<Observation> parts = new java.util.HashSet<>();
    parts.add(Observation.PARTIES);
    parts.add(Observation.OPERATION_CONTEXT);
    if (action instanceof HoldParticipant || action instanceof PlayPrompt) {
      parts.add(Observation.AUDIO);
    }
    action.callbackUri().ifPresent(uri -> parts.add(Observation.CALLBACK_URI));
    return parts;
  }

  private void compare(ActionCommand action, ReceivedCommand received) {
    if (action instanceof HoldParticipant) {
      HoldParticipant hold = (HoldParticipant) action;
      targets(List.of(hold.participant().participant()), received.targets());
      audio("the hold audio", hold.audio(), received.audio(), "the provider's own hold music");
    } else if (action instanceof ResumeParticipant) {
      targets(
          List.of(((ResumeParticipant) action).participant().participant()), received.targets());
    } else if (action instanceof PlayPrompt) {
      PlayPrompt play = (PlayPrompt) action;
      if (play.playTo().isEmpty()) {
        toEveryone(received.targets());
      }
      targets(play.playTo().stream().collect(Collectors.toList()), received.targets());
      audio("the prompt", Optional.of(play.prompt()), received.audio(), "no prompt");
    } else if (action instanceof RemoveParticipant) {
      targets(List.of(((RemoveParticipant) action).participant()), received.targets());
    } else if (action instanceof PlaceCall) {
      targets(List.of(((PlaceCall) action).target()), received.targets());
    }
    callback(action.callbackUri(), received.callbackUri());
  }

  private void toEveryone(List<Participant> arrived) {
    if (observed.contains(Observation.PARTIES) && !arrived.isEmpty()) {
      differences.add(
          "the prompt to play to everyone in the call; the provider was asked to play it to "
              + arrived.stream().map(Participant::rawId).collect(Collectors.toList()));
    }
  }

  private void audio(String what, Optional<Prompt> sent, Optional<Prompt> arrived, String none) {
    if (observed.contains(Observation.AUDIO) && !sent.equals(arrived)) {
      differences.add(
          what
              + " "
              + sent.map(Subject::prompt).orElse("(" + none + ")")
              + " to reach the provider; it received "
              + arrived.map(Subject::prompt).orElse("none (" + none + ")"));
    }
  }

  /**
   * @param command a command
   * @return the observations needed to compare everything it carries
   */
  static Set<Observation> needed(CallCommand command) {
    ReceivedCheck probe = new ReceivedCheck(Set.of(Observation.values()));
    return probe.parts(command);
  }

  private Set<Observation> parts(CallCommand command) {
    Set<Observation> parts = new java.util.HashSet<>();
    parts.add(Observation.PARTIES);
    parts.add(Observation.OPERATION_CONTEXT);
    List<Participant> targets = targets(command);
    if (targets.stream().anyMatch(p -> p.displayName().isPresent())) {
      parts.add(Observation.DISPLAY_NAMES);
    }
    command.accept(
        new CallCommand.Visitor<Void>() {
          @Override
          public Void transfer(CallTransfer transfer) {
            if (!transfer.callingContext().isEmpty()) {
              parts.add(Observation.CALLING_CONTEXT);
            }
            transfer.sourceCallerId().ifPresent(id -> parts.add(Observation.CALLER_ID));
            transfer.callbackUri().ifPresent(uri -> parts.add(Observation.CALLBACK_URI));
            return null;
          }

          @Override
          public Void addParticipant(AddParticipant add) {
            if (!add.callingContext().isEmpty()) {
              parts.add(Observation.CALLING_CONTEXT);
            }
            add.sourceCallerId().ifPresent(id -> parts.add(Observation.CALLER_ID));
            add.sourceDisplayName().ifPresent(name -> parts.add(Observation.DISPLAY_NAMES));
            add.invitationTimeout().ifPresent(t -> parts.add(Observation.TIMEOUTS));
            add.callbackUri().ifPresent(uri -> parts.add(Observation.CALLBACK_URI));
            return null;
          }

          @Override
          public Void cancelAddParticipant(CancelAddParticipant cancel) {
            cancel.callbackUri().ifPresent(u -> parts.add(Observation.CALLBACK_URI));
            return null;
          }

          @Override
          public Void redirect(RedirectCall redirect) {
            redirect.ringTimeout().ifPresent(t -> parts.add(Observation.TIMEOUTS));
            redirect.callbackUri().ifPresent(uri -> parts.add(Observation.CALLBACK_URI));
            return null;
          }

          @Override
          public Void warmHandoff(WarmHandoff handoff) {
            throw notOnePort(handoff);
          }
        });
    return parts;
  }

  private void compare(CallCommand command, String correlation, ReceivedCommand received) {
    targets(targets(command), received.targets());
    command.accept(
        new CallCommand.Visitor<Void>() {
          @Override
          public Void transfer(CallTransfer transfer) {
            transfer.transferee().ifPresent(t -> transferee(t, received));
            if (transfer.mode() instanceof TransferMode.Consultative consultative) {
              same(
                  Observation.PARTIES,
                  "the replaced consultation call",
                  consultative.replacesCallId(),
                  received.replacesCallId());
            }
            context(transfer.callingContext(), received.callingContext());
            callerId(transfer.sourceCallerId(), received.sourceCallerId());
            callback(transfer.callbackUri(), received.callbackUri());
            return null;
          }

          @Override
          public Void addParticipant(AddParticipant add) {
            context(add.callingContext(), received.callingContext());
            callerId(add.sourceCallerId(), received.sourceCallerId());
            add.sourceDisplayName()
                .ifPresent(
                    name ->
                        same(
                            Observation.DISPLAY_NAMES,
                            "the source display name",
                            name,
                            received.sourceDisplayName()));
            timeout("the invitation timeout", add.invitationTimeout(), received.timeout());
            callback(add.callbackUri(), received.callbackUri());
            return null;
          }

          @Override
          public Void cancelAddParticipant(CancelAddParticipant cancel) {
            same(
                Observation.PARTIES,
                "the invitation withdrawn",
                cancel.invitationId(),
                received.invitationId());
            callback(cancel.callbackUri(), received.callbackUri());
            return null;
          }

          @Override
          public Void redirect(RedirectCall redirect) {
            timeout("the ring timeout", redirect.ringTimeout(), received.timeout());
            callback(redirect.callbackUri(), received.callbackUri());
            return null;
          }

          @Override
          public Void warmHandoff(WarmHandoff handoff) {
            throw notOnePort(handoff);
          }
        });
    operationContext(correlation, received);
  }

  private void operationContext(String correlation, ReceivedCommand received) {
    if (observed.contains(Observation.OPERATION_CONTEXT)) {
      received
          .operationContext()
          .filter(value -> !value.equals(correlation))
          .ifPresent(
              value ->
                  differences.add(
                      "the operation context \""
                          + correlation
                          + "\" the submission carries; the provider received \""
                          + value
                          + "\""));
    }
  }

  static List<Participant> targets(CallCommand command) {
    return command.accept(
        new CallCommand.Visitor<>() {
          @Override
          public List<Participant> transfer(CallTransfer transfer) {
            return List.of(transfer.target());
          }

          @Override
          public List<Participant> addParticipant(AddParticipant add) {
            return List.of(add.participant());
          }

          @Override
          public List<Participant> cancelAddParticipant(CancelAddParticipant cancel) {
            return List.of();
          }

          @Override
          public List<Participant> redirect(RedirectCall redirect) {
            return redirect.targets();
          }

          @Override
          public List<Participant> warmHandoff(WarmHandoff handoff) {
            throw notOnePort(handoff);
          }
        });
  }

  /**
   * A warm handoff never reaches a provider port as one command: its saga sends its actions one by
   * one, so the suite never submits one.
   */
  static IllegalArgumentException notOnePort(WarmHandoff handoff) {
    return new IllegalArgumentException(
        "a warm handoff is no single request to a provider port: " + handoff.callId());
  }

  private void targets(List<Participant> sent, List<Participant> arrived) {
    if (sent.isEmpty()) {
      return;
    }
    if (observed.contains(Observation.PARTIES)) {
      List<String> sentIds = sent.stream().map(Participant::rawId).collect(Collectors.toList());
      List<String> arrivedIds =
          arrived.stream().map(Participant::rawId).collect(Collectors.toList());
      if (!sentIds.equals(arrivedIds)) {
        differences.add(
            "the provider to be asked to reach "
                + sentIds
                + "; it was asked to reach "
                + arrivedIds);
        return;
      }
    }
    if (observed.contains(Observation.DISPLAY_NAMES) && sent.size() == arrived.size()) {
      for (int i = 0; i < sent.size(); i++) {
        Optional<String> name = sent.get(i).displayName();
        if (name.isPresent() && !name.equals(arrived.get(i).displayName())) {
          differences.add(
              "the display name \""
                  + name.get()
                  + "\" of "
                  + sent.get(i).rawId()
                  + " to reach the provider; it received "
                  + arrived.get(i).displayName().map(n -> "\"" + n + "\"").orElse("none"));
        }
      }
    }
  }

  private void transferee(Transferee sent, ReceivedCommand received) {
    if (!observed.contains(Observation.PARTIES)) {
      return;
    }
    Optional<String> participantId = sent.callParticipantId();
    if (participantId.isPresent()) {
      same(
          Observation.PARTIES,
          "the transferee's participant id",
          participantId.get(),
          received.transfereeParticipantId());
      received
          .transferee()
          .filter(arrived -> !arrived.sameParty(sent.participant()))
          .ifPresent(
              arrived ->
                  differences.add(
                      "the transferee "
                          + sent.participant().rawId()
                          + "; the provider received "
                          + arrived.rawId()));
      return;
    }
    String arrived = received.transferee().map(Participant::rawId).orElse("none");
    if (!arrived.equals(sent.participant().rawId())) {
      differences.add(
          "the transferee " + sent.participant().rawId() + "; the provider received " + arrived);
    }
  }

  private void context(CallingContext sent, CallingContext arrived) {
    if (!observed.contains(Observation.CALLING_CONTEXT) || sent.isEmpty()) {
      return;
    }
    Map<String, String> arrivedSip = lowerCaseNames(arrived.sipHeaders());
    sent.sipHeaders()
        .forEach(
            (name, value) -> {
              String got = arrivedSip.get(name.toLowerCase(Locale.ROOT));
              if (!value.equals(got)) {
                differences.add(
                    "the SIP header "
                        + name
                        + "="
                        + value
                        + " to reach the provider; it received "
                        + (got == null ? "no such header" : name + "=" + got)
                        + " (SIP headers received: "
                        + arrived.sipHeaders()
                        + ")");
              }
            });
    sent.userToUser()
        .filter(value -> !Optional.of(value).equals(arrived.userToUser()))
        .ifPresent(
            value ->
                differences.add(
                    "the User-To-User value "
                        + value
                        + " to reach the provider; it received "
                        + arrived.userToUser().orElse("none")));
    sent.voipHeaders()
        .forEach(
            (name, value) -> {
              String got = arrived.voipHeaders().get(name);
              if (!value.equals(got)) {
                differences.add(
                    "the VoIP header "
                        + name
                        + "="
                        + value
                        + " to reach the provider; it received "
                        + (got == null ? "no such header" : name + "=" + got)
                        + " (VoIP headers received: "
                        + arrived.voipHeaders()
                        + ")");
              }
            });
    sent.teamsPhoneCallDetails()
        .filter(details -> !Optional.of(details).equals(arrived.teamsPhoneCallDetails()))
        .ifPresent(
            details ->
                differences.add(
                    "the Teams phone call details "
                        + details
                        + " to reach the provider; it received "
                        + arrived.teamsPhoneCallDetails().map(Object::toString).orElse("none")));
  }

  private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
    return headers.entrySet().stream()
        .collect(
            Collectors.toMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT),
                Map.Entry::getValue,
                (a, b) -> a));
  }

  private void callerId(Optional<PhoneNumber> sent, Optional<PhoneNumber> arrived) {
    sent.ifPresent(
        id ->
            same(
                Observation.CALLER_ID,
                "the source caller id",
                id.value(),
                arrived.map(PhoneNumber::value)));
  }

  private void timeout(String what, Optional<Duration> sent, Optional<Duration> arrived) {
    sent.ifPresent(
        value ->
            same(
                Observation.TIMEOUTS,
                what,
                value.getSeconds() + "s",
                arrived.map(d -> d.getSeconds() + "s")));
  }

  private void callback(Optional<URI> sent, Optional<URI> arrived) {
    sent.ifPresent(uri -> same(Observation.CALLBACK_URI, "the callback URI", uri, arrived));
  }

  private <T> void same(Observation observation, String what, T sent, Optional<T> arrived) {
    if (observed.contains(observation) && !Optional.of(sent).equals(arrived)) {
      differences.add(
          what
              + " "
              + sent
              + " to reach the provider; it received "
              + arrived.map(Object::toString).orElse("none"));
    }
  }
}
