package dev.handoff.adapter.acs;

import dev.handoff.adapter.acs.http.AcsHttpTransport;
import dev.handoff.adapter.acs.http.Exchange;
import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.CallConnectionProperties;
import dev.handoff.adapter.acs.wire.CallParticipant;
import dev.handoff.adapter.acs.wire.CommunicationError;
import dev.handoff.adapter.acs.wire.CommunicationErrorResponse;
import dev.handoff.adapter.acs.wire.GetParticipantsResponse;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.domain.participant.Participant;
import dev.handoff.ports.out.ProviderStateQuery;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks Azure Communication Services how an operation ended when its result event did not come.
 *
 * <p>The rules, for a transfer (the call connection is the application's leg of the call):
 *
 * <ul>
 *   <li>{@code GET /calling/callConnections/{id}} answers {@code transferring}: still under way
 *       (asked again later); {@code transferAccepted}: completed.
 *   <li>It answers 404 (8522, the call connection is gone) or {@code disconnected}: completed when
 *       the call's own {@code CallDisconnected} with 200/7015 ("The call was transferred") is on
 *       the operation's timeline, that is, arrived after the transfer was submitted; otherwise the
 *       outcome cannot be told (the call may have been hung up), and it stays UNKNOWN.
 *   <li>It answers {@code connected}: a transfer of a two-party call ends the application's leg, so
 *       the transfer did not take effect (failed). In a group call (the transfer names its
 *       transferee) {@code GET .../participants} decides: the transferee still there means it did
 *       not take effect; the transferee gone cannot be told from a hang-up.
 *   <li>ACS cannot be reached, or answers 5xx or 429 after the transport's retries: asked again
 *       later.
 * </ul>
 *
 * <p>For an add, the invitee among the call's participants means it completed; otherwise the
 * outcome cannot be told. A cancellation or a redirect has no state ACS keeps. Thread-safe.
 */
final class AcsStateQuery implements ProviderStateQuery {
  private static final int MAX_PAGES = 20;
  private static final String CALL_NOT_FOUND = "8522";

  private final URI endpoint;
  private final String apiVersion;
  private final AcsHttpTransport transport;

  AcsStateQuery(URI endpoint, String apiVersion, AcsHttpTransport transport) {
    this.endpoint = endpoint;
    this.apiVersion = apiVersion;
    this.transport = transport;
  }

  @Override
  public Reconciliation reconcile(Operation operation) {
    return operation
        .command()
        .accept(
            new CallCommand.Visitor<>() {
              @Override
              public Reconciliation transfer(CallTransfer transfer) {
                return AcsStateQuery.this.transfer(operation, transfer);
              }

              @Override
              public Reconciliation addParticipant(AddParticipant add) {
                return AcsStateQuery.this.add(operation, add);
              }

              @Override
              public Reconciliation cancelAddParticipant(CancelAddParticipant cancel) {
                return nothingToAsk(operation);
              }

              @Override
              public Reconciliation redirect(RedirectCall redirect) {
                return nothingToAsk(operation);
              }

              @Override
              public Reconciliation warmHandoff(WarmHandoff handoff) {
                return nothingToAsk(operation);
              }
            });
  }

  private static Reconciliation nothingToAsk(Operation operation) {
    return new Reconciliation.Undetermined(
        "ACS keeps no state of a " + operation.kind() + " to ask for",
        ProviderEvidence.NONE,
        false);
  }

  private Reconciliation transfer(Operation operation, CallTransfer transfer) {
    String call = operation.callId();
    Answer answer = read(callPath(call));
    if (answer.unavailable()) {
      return answer.cannotAsk();
    }
    if (answer.gone()) {
      return ended(operation, "ACS no longer knows call connection " + call, answer.evidence);
    }
    CallConnectionProperties properties;
    try {
      properties = AcsJson.mapper().readValue(answer.body, CallConnectionProperties.class);
    } catch (IOException unreadable) {
      return answer.unreadable(unreadable);
    }
    String state =
        Optional.ofNullable(properties.callConnectionState()).orElse("").toLowerCase(Locale.ROOT);
    String reported = "ACS reports call connection " + call + " " + state;
    switch (state) {
      case "transferring":
        return new Reconciliation.UnderWay(reported, answer.evidence);
      case "transferaccepted":
        return new Reconciliation.Completed(reported, answer.evidence);
      case "disconnecting":
      case "disconnected":
        return ended(operation, reported, answer.evidence);
      case "connected":
        return connected(operation, transfer, reported, answer.evidence);
      default:
        return new Reconciliation.Undetermined(
            reported + ", which does not tell how the transfer ended", answer.evidence, true);
    }
  }

  private Reconciliation connected(
      Operation operation, CallTransfer transfer, String reported, ProviderEvidence evidence) {
    if (transfer.transferee().isEmpty()) {
      return failed(
          reported
              + " with no transfer under way; a transfer of a two-party call ends the"
              + " application's leg, so it did not take effect",
          evidence);
    }
    Participant transferee = transfer.transferee().get().participant();
    Roster roster = participants(operation.callId());
    if (roster.answer != null) {
      return roster.answer.unavailable()
          ? roster.answer.cannotAsk()
          : ended(operation, "ACS no longer knows call connection " + operation.callId(), evidence);
    }
    if (roster.participants.stream().anyMatch(transferee::sameParty)) {
      return failed(
          reported
              + " with no transfer under way and the transferee "
              + transferee.rawId()
              + " still a participant, so the transfer did not take effect",
          roster.evidence);
    }
    return new Reconciliation.Undetermined(
        reported
            + " and the transferee "
            + transferee.rawId()
            + " no longer a participant; nothing recorded tells whether the transferee reached"
            + " the target or hung up",
        roster.evidence,
        false);
  }

  private Reconciliation ended(Operation operation, String reported, ProviderEvidence evidence) {
    Optional<TimelineEntry> transferred = disconnectedByTransfer(operation);
    if (transferred.isPresent()) {
      TimelineEntry event = transferred.get();
      return new Reconciliation.Completed(
          reported
              + ", and its CallDisconnected 200/7015"
              + event.evidence().message().map(m -> " ('" + m + "')").orElse("")
              + " recorded at "
              + event.at()
              + " after the transfer was submitted says the call was transferred",
          evidence);
    }
    return new Reconciliation.Undetermined(
        reported + ", and no recorded call event says why the call ended", evidence, false);
  }

  /** The call's CallDisconnected with 200/7015, noted on the operation after it was requested. */
  static Optional<TimelineEntry> disconnectedByTransfer(Operation operation) {
    return operation.timeline().stream()
        .filter(entry -> entry.source() == TimelineEntry.Source.PROVIDER_EVENT)
        .filter(entry -> entry.what().toLowerCase(Locale.ROOT).endsWith("calldisconnected"))
        .filter(entry -> entry.evidence().code().filter("200"::equals).isPresent())
        .filter(entry -> entry.evidence().subCode().filter("7015"::equals).isPresent())
        .findFirst();
  }

  private Reconciliation add(Operation operation, AddParticipant add) {
    Participant invitee = add.participant();
    Roster roster = participants(operation.callId());
    if (roster.answer != null) {
      return roster.answer.unavailable()
          ? roster.answer.cannotAsk()
          : new Reconciliation.Undetermined(
              "ACS no longer knows call connection "
                  + operation.callId()
                  + ", so whether the invitee joined cannot be told",
              roster.answer.evidence,
              false);
    }
    if (roster.participants.stream().anyMatch(invitee::sameParty)) {
      return new Reconciliation.Completed(
          "ACS reports the invitee "
              + invitee.rawId()
              + " a participant of call connection "
              + operation.callId(),
          roster.evidence);
    }
    return new Reconciliation.Undetermined(
        "ACS reports the invitee "
            + invitee.rawId()
            + " not a participant of call connection "
            + operation.callId()
            + "; whether it declined, did not answer or joined and left cannot be told",
        roster.evidence,
        false);
  }

  private static Reconciliation failed(String basis, ProviderEvidence evidence) {
    return new Reconciliation.Failed(
        new Failure(
            FailureReason.UNKNOWN,
            true,
            "the transfer did not take effect and its result event never arrived: " + basis,
            evidence),
        basis);
  }

  /** The participants, or the answer that stood in the way of reading them. */
  private static final class Roster {
    final List<Participant> participants;
    final ProviderEvidence evidence;
    final Answer answer;

    Roster(List<Participant> participants, ProviderEvidence evidence, Answer answer) {
      this.participants = participants;
      this.evidence = evidence;
      this.answer = answer;
    }
  }

  private Roster participants(String call) {
    List<Participant> participants = new ArrayList<>();
    String path = callPath(call) + "/participants";
    URI next = uri(path);
    ProviderEvidence evidence = ProviderEvidence.NONE;
    for (int page = 0; page < MAX_PAGES && next != null; page++) {
      Answer answer = read(next);
      if (answer.unavailable() || answer.gone()) {
        return new Roster(List.of(), answer.evidence, answer);
      }
      evidence = answer.evidence;
      GetParticipantsResponse body;
      try {
        body = AcsJson.mapper().readValue(answer.body, GetParticipantsResponse.class);
        for (CallParticipant participant : Optional.ofNullable(body.value()).orElse(List.of())) {
          participants.add(ParticipantReader.read(participant.identifier(), "value[].identifier"));
        }
      } catch (IOException | WireFormatException unreadable) {
        return new Roster(List.of(), evidence, answer.withUnreadable(unreadable));
      }
      next = nextPage(body.nextLink());
    }
    return new Roster(participants, evidence, null);
  }

  /** A next link on the same endpoint; ACS gives it absolute or relative. */
  private URI nextPage(String nextLink) {
    if (nextLink == null || nextLink.isBlank()) {
      return null;
    }
    URI link = URI.create(nextLink);
    URI resolved = link.isAbsolute() ? link : URI.create(endpoint + "/").resolve(link);
    if (!resolved.toString().startsWith(endpoint + "/")) {
      throw new IllegalStateException(
          "ACS gave a nextLink outside its endpoint " + endpoint + ": " + nextLink);
    }
    return resolved;
  }

  private static String callPath(String call) {
    return "/calling/callConnections/" + PathSegment.encode(call);
  }

  private URI uri(String path) {
    return URI.create(endpoint + path + "?api-version=" + apiVersion);
  }

  private Answer read(String path) {
    return read(uri(path));
  }

  private Answer read(URI uri) {
    String clientRequestId = UUID.randomUUID().toString();
    Exchange exchange = transport.get(uri, clientRequestId);
    ProviderEvidence.Builder evidence =
        ProviderEvidence.builder().reference(AcsHttpTransport.CLIENT_REQUEST_ID, clientRequestId);
    if (exchange instanceof Exchange.Unanswered) {
      Exchange.Unanswered unanswered = (Exchange.Unanswered) exchange;
      evidence.message(unanswered.detail());
      return new Answer(
          Answer.Kind.UNAVAILABLE, new byte[0], evidence.build(), unanswered.detail());
    }
    Exchange.Answered answered = (Exchange.Answered) exchange;
    evidence.httpStatus(answered.status());
    answered
        .headers()
        .firstValue("X-Microsoft-Skype-Chain-ID")
        .ifPresent(v -> evidence.reference("X-Microsoft-Skype-Chain-ID", v));
    if (answered.status() >= 200 && answered.status() <= 299) {
      return new Answer(Answer.Kind.FOUND, answered.body(), evidence.build(), null);
    }
    Optional<CommunicationError> error = error(answered.body());
    error.map(CommunicationError::code).ifPresent(evidence::code);
    error.map(CommunicationError::message).ifPresent(evidence::message);
    boolean gone =
        answered.status() == 404
            && error.map(CommunicationError::code).filter(CALL_NOT_FOUND::equals).isPresent();
    String detail =
        "ACS answered "
            + answered.status()
            + error.map(e -> " " + e.code() + ": " + e.message()).orElse("")
            + (answered.attempts() > 1 ? " after " + answered.attempts() + " attempts" : "");
    return new Answer(
        gone ? Answer.Kind.GONE : Answer.Kind.UNAVAILABLE, new byte[0], evidence.build(), detail);
  }

  private static Optional<CommunicationError> error(byte[] body) {
    try {
      return Optional.ofNullable(AcsJson.mapper().readValue(body, CommunicationErrorResponse.class))
          .map(CommunicationErrorResponse::error);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** One read's outcome. */
  private static final class Answer {
    enum Kind {
      FOUND,
      GONE,
      UNAVAILABLE
    }

    final Kind kind;
    final byte[] body;
    final ProviderEvidence evidence;
    final String detail;

    Answer(Kind kind, byte[] body, ProviderEvidence evidence, String detail) {
      this.kind = kind;
      this.body = body;
      this.evidence = evidence;
      this.detail = detail;
    }

    boolean unavailable() {
      return kind == Kind.UNAVAILABLE;
    }

    boolean gone() {
      return kind == Kind.GONE;
    }

    Reconciliation cannotAsk() {
      return new Reconciliation.Undetermined("ACS could not be asked: " + detail, evidence, true);
    }

    Reconciliation unreadable(Exception problem) {
      return new Reconciliation.Undetermined(
          "ACS answered what could not be read: " + problem.getMessage(), evidence, true);
    }

    Answer withUnreadable(Exception problem) {
      return new Answer(
          Kind.UNAVAILABLE,
          body,
          evidence,
          "its answer could not be read: " + problem.getMessage());
    }
  }
}
