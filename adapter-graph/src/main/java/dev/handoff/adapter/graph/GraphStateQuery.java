package dev.handoff.adapter.graph;

import dev.handoff.adapter.graph.http.Exchange;
import dev.handoff.adapter.graph.http.GraphTransport;
import dev.handoff.adapter.graph.mapping.ResultInfoFailures;
import dev.handoff.adapter.graph.wire.CallResource;
import dev.handoff.adapter.graph.wire.CommsOperationResource;
import dev.handoff.adapter.graph.wire.GraphErrorResponse;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.adapter.graph.wire.ParticipantCollection;
import dev.handoff.adapter.graph.wire.ParticipantResource;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.out.ProviderStateQuery;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks Microsoft Graph how an operation ended when its notification did not come.
 *
 * <p>The rules, for a transfer:
 *
 * <ul>
 *   <li>{@code GET /communications/calls/{id}} answers {@code transferring}: still under way (asked
 *       again later); {@code transferAccepted}: completed.
 *   <li>It answers 404 (the call is gone) or {@code terminated}: completed when Graph had already
 *       reported the transfer accepted ({@code transferAccepted} applied on the operation), or the
 *       call's termination with 0/7015 or {@code AppTransferred} is on the timeline; otherwise the
 *       outcome cannot be told (the call may have been hung up), and it stays UNKNOWN.
 *   <li>It answers {@code established} (or {@code hold}): a peer-to-peer transfer ends the bot's
 *       leg, so it did not take effect (failed, with the call's {@code resultInfo} when it carries
 *       one). In a group call {@code GET .../participants} decides by the transferee's participant
 *       id: still there, it did not take effect; gone, completed only if Graph had reported the
 *       transfer accepted.
 *   <li>Graph cannot be reached, or answers 429 or 5xx after the retries, or refuses the token:
 *       asked again later.
 * </ul>
 *
 * <p>For an invitation, {@code GET .../operations/{invitationId}} (the {@code
 * inviteParticipantsOperation}) is authoritative: completed, failed with its {@code resultInfo}, or
 * still running. A redirect is under way while the call is {@code redirecting}; otherwise its
 * outcome cannot be told. Thread-safe.
 */
final class GraphStateQuery implements ProviderStateQuery {

  private final URI calls;
  private final GraphTransport transport;

  GraphStateQuery(URI calls, GraphTransport transport) {
    this.calls = calls;
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
                return GraphStateQuery.this.transfer(operation, transfer);
              }

              @Override
              public Reconciliation addParticipant(AddParticipant add) {
                return invitation(operation);
              }

              @Override
              public Reconciliation cancelAddParticipant(CancelAddParticipant cancel) {
                return nothingToAsk(operation);
              }

              @Override
              public Reconciliation redirect(RedirectCall redirect) {
                return GraphStateQuery.this.redirect(operation);
              }

              @Override
              public Reconciliation warmHandoff(WarmHandoff handoff) {
                return nothingToAsk(operation);
              }
            });
  }

  private static Reconciliation nothingToAsk(Operation operation) {
    return new Reconciliation.Undetermined(
        "Graph keeps no state of a " + operation.kind() + " to ask for",
        ProviderEvidence.NONE,
        false);
  }

  private Reconciliation transfer(Operation operation, CallTransfer transfer) {
    String call = operation.callId();
    Answer answer = read(callUri(call));
    if (answer.unavailable()) {
      return answer.cannotAsk();
    }
    if (answer.gone()) {
      return ended(operation, "Graph no longer knows call " + call, answer.evidence);
    }
    CallResource resource;
    try {
      resource = GraphJson.mapper().readValue(answer.body, CallResource.class);
    } catch (IOException unreadable) {
      return answer.unreadable(unreadable);
    }
    String state = Optional.ofNullable(resource.state()).orElse("").toLowerCase(Locale.ROOT);
    String reported = "Graph reports call " + call + " " + state;
    ProviderEvidence evidence =
        ResultInfoFailures.describe(resource.resultInfo(), answer.evidence.toBuilder()).build();
    switch (state) {
      case "transferring":
        return new Reconciliation.UnderWay(reported, evidence);
      case "transferaccepted":
        return new Reconciliation.Completed(reported, evidence);
      case "terminating":
      case "terminated":
        return ended(operation, reported, evidence);
      case "established":
      case "hold":
        return established(operation, transfer, resource, reported, evidence);
      default:
        return new Reconciliation.Undetermined(
            reported + ", which does not tell how the transfer ended", evidence, true);
    }
  }

  private Reconciliation established(
      Operation operation,
      CallTransfer transfer,
      CallResource resource,
      String reported,
      ProviderEvidence evidence) {
    if (transfer.transferee().isEmpty()) {
      return failed(
          reported
              + " with no transfer under way; a transfer of a peer-to-peer call ends the bot's"
              + " leg, so it did not take effect",
          resource,
          evidence);
    }
    Optional<String> participantId = transfer.transferee().get().callParticipantId();
    if (participantId.isEmpty()) {
      return new Reconciliation.Undetermined(
          reported + "; without the transferee's participant id the roster cannot tell more",
          evidence,
          false);
    }
    Set<String> roster = new HashSet<>();
    URI next = URI.create(callUri(operation.callId()) + "/participants");
    ProviderEvidence rosterEvidence = evidence;
    for (int page = 0; page < NextLinks.MAX_PAGES && next != null; page++) {
      Answer answer = read(next);
      if (answer.unavailable()) {
        return answer.cannotAsk();
      }
      if (answer.gone()) {
        return ended(operation, "Graph no longer knows call " + operation.callId(), evidence);
      }
      rosterEvidence = answer.evidence;
      ParticipantCollection collection;
      try {
        collection = GraphJson.mapper().readValue(answer.body, ParticipantCollection.class);
      } catch (IOException unreadable) {
        return answer.unreadable(unreadable);
      }
      if (collection.value() != null) {
        collection.value().stream()
            .map(ParticipantResource::id)
            .filter(id -> id != null)
            .forEach(roster::add);
      }
      next = collection.nextLink() == null ? null : sameHost(collection.nextLink());
    }
    if (roster.contains(participantId.get())) {
      return failed(
          reported
              + " with no transfer under way and the transferee (participant "
              + participantId.get()
              + ") still in it, so the transfer did not take effect",
          resource,
          rosterEvidence);
    }
    if (acceptedBefore(operation)) {
      return new Reconciliation.Completed(
          reported
              + " without the transferee (participant "
              + participantId.get()
              + "), after it reported the transfer accepted",
          rosterEvidence);
    }
    return new Reconciliation.Undetermined(
        reported
            + " without the transferee (participant "
            + participantId.get()
            + "); nothing recorded tells whether it reached the target or hung up",
        rosterEvidence,
        false);
  }

  private Reconciliation ended(Operation operation, String reported, ProviderEvidence evidence) {
    if (acceptedBefore(operation)) {
      return new Reconciliation.Completed(
          reported + ", after it reported the transfer accepted (transferAccepted)", evidence);
    }
    Optional<TimelineEntry> transferred = terminatedByTransfer(operation);
    if (transferred.isPresent()) {
      return new Reconciliation.Completed(
          reported
              + ", and its termination recorded at "
              + transferred.get().at()
              + " says the call was transferred",
          evidence);
    }
    return new Reconciliation.Undetermined(
        reported + ", and nothing recorded says why the call ended", evidence, false);
  }

  /**
   * Graph reported the transfer accepted: the operation moved to ACCEPTED, or (on an operation
   * already UNKNOWN, where it could not move) the {@code transferAccepted} notification is
   * recorded.
   */
  private static boolean acceptedBefore(Operation operation) {
    return operation.timeline().stream()
        .anyMatch(
            entry ->
                entry.state() == OperationState.ACCEPTED
                        && entry.disposition() == Disposition.APPLIED
                    || entry.source() == TimelineEntry.Source.PROVIDER_EVENT
                        && entry.what().toLowerCase(Locale.ROOT).endsWith(":transferaccepted"));
  }

  /** The call's termination with 0/7015 or AppTransferred, noted on the operation. */
  private static Optional<TimelineEntry> terminatedByTransfer(Operation operation) {
    return operation.timeline().stream()
        .filter(entry -> entry.source() == TimelineEntry.Source.PROVIDER_EVENT)
        .filter(
            entry ->
                entry.evidence().code().filter("0"::equals).isPresent()
                        && entry.evidence().subCode().filter("7015"::equals).isPresent()
                    || "apptransferred"
                        .equalsIgnoreCase(
                            entry.evidence().references().getOrDefault("terminationReason", "")))
        .findFirst();
  }

  private static Reconciliation failed(
      String basis, CallResource resource, ProviderEvidence evidence) {
    Failure failure =
        ResultInfoFailures.failure(resource.resultInfo(), evidence, "transfer")
            .map(
                reported ->
                    new Failure(
                        reported.reason(),
                        reported.retryable(),
                        reported.message() + " (its notification never arrived: " + basis + ")",
                        evidence))
            .orElseGet(
                () ->
                    new Failure(
                        FailureReason.UNKNOWN,
                        true,
                        "the transfer did not take effect and its notification never arrived: "
                            + basis,
                        evidence));
    return new Reconciliation.Failed(failure, basis);
  }

  private Reconciliation invitation(Operation operation) {
    Optional<String> invitation = operation.invitationId();
    if (invitation.isEmpty()) {
      return new Reconciliation.Undetermined(
          "Graph gave no operation id for the invitation, so there is nothing to ask for",
          ProviderEvidence.NONE,
          false);
    }
    Answer answer =
        read(
            URI.create(
                callUri(operation.callId())
                    + "/operations/"
                    + GraphCallControl.pathSegment(invitation.get())));
    if (answer.unavailable()) {
      return answer.cannotAsk();
    }
    if (answer.gone()) {
      return new Reconciliation.Undetermined(
          "Graph no longer knows invitation operation " + invitation.get(), answer.evidence, false);
    }
    CommsOperationResource resource;
    try {
      resource = GraphJson.mapper().readValue(answer.body, CommsOperationResource.class);
    } catch (IOException unreadable) {
      return answer.unreadable(unreadable);
    }
    String status = Optional.ofNullable(resource.status()).orElse("").toLowerCase(Locale.ROOT);
    String reported = "Graph reports invitation operation " + invitation.get() + " " + status;
    ProviderEvidence evidence =
        ResultInfoFailures.describe(resource.resultInfo(), answer.evidence.toBuilder()).build();
    switch (status) {
      case "completed":
        return new Reconciliation.Completed(reported, evidence);
      case "failed":
        return new Reconciliation.Failed(
            ResultInfoFailures.failure(resource.resultInfo(), evidence, "invitation")
                .orElseGet(
                    () ->
                        Failure.of(
                            FailureReason.UNKNOWN,
                            "Microsoft Graph reports the invitation failed without a result",
                            evidence)),
            reported);
      case "running":
      case "notstarted":
        return new Reconciliation.UnderWay(reported, evidence);
      default:
        return new Reconciliation.Undetermined(reported, evidence, true);
    }
  }

  private Reconciliation redirect(Operation operation) {
    Answer answer = read(callUri(operation.callId()));
    if (answer.unavailable()) {
      return answer.cannotAsk();
    }
    if (answer.gone()) {
      return new Reconciliation.Undetermined(
          "Graph no longer knows call "
              + operation.callId()
              + "; whether it was redirected or the caller gave up cannot be told",
          answer.evidence,
          false);
    }
    try {
      CallResource resource = GraphJson.mapper().readValue(answer.body, CallResource.class);
      String state = Optional.ofNullable(resource.state()).orElse("").toLowerCase(Locale.ROOT);
      String reported = "Graph reports call " + operation.callId() + " " + state;
      return state.equals("redirecting")
          ? new Reconciliation.UnderWay(reported, answer.evidence)
          : new Reconciliation.Undetermined(
              reported + ", which does not tell how the redirect ended", answer.evidence, false);
    } catch (IOException unreadable) {
      return answer.unreadable(unreadable);
    }
  }

  private URI callUri(String call) {
    return URI.create(calls + "/" + GraphCallControl.pathSegment(call));
  }

  private URI sameHost(String nextLink) {
    return NextLinks.onHost(calls, nextLink)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Graph gave an @odata.nextLink that is not a URL on "
                        + calls.getHost()
                        + ": "
                        + nextLink));
  }

  private Answer read(URI uri) {
    String clientRequestId = UUID.randomUUID().toString();
    Exchange exchange = transport.get(uri, clientRequestId);
    ProviderEvidence.Builder evidence =
        ProviderEvidence.builder().reference("client-request-id", clientRequestId);
    if (!(exchange instanceof Exchange.Answered)) {
      String detail = describe(exchange);
      evidence.message(detail);
      return new Answer(Answer.Kind.UNAVAILABLE, "", evidence.build(), detail);
    }
    Exchange.Answered answered = (Exchange.Answered) exchange;
    evidence.httpStatus(answered.status());
    answered.headers().firstValue("request-id").ifPresent(v -> evidence.reference("request-id", v));
    if (answered.status() >= 200 && answered.status() <= 299) {
      return new Answer(Answer.Kind.FOUND, answered.body(), evidence.build(), null);
    }
    Optional<GraphErrorResponse.Error> error = error(answered.body());
    error.map(GraphErrorResponse.Error::code).ifPresent(evidence::code);
    error.map(GraphErrorResponse.Error::message).ifPresent(evidence::message);
    String detail =
        "Graph answered "
            + answered.status()
            + error.map(e -> " " + e.code() + ": " + e.message()).orElse("")
            + (answered.attempts() > 1 ? " after " + answered.attempts() + " attempts" : "");
    return new Answer(
        answered.status() == 404 ? Answer.Kind.GONE : Answer.Kind.UNAVAILABLE,
        "",
        evidence.build(),
        detail);
  }

  private static String describe(Exchange exchange) {
    if (exchange instanceof Exchange.NotSent) {
      return ((Exchange.NotSent) exchange).reason();
    }
    if (exchange instanceof Exchange.Ambiguous) {
      Exchange.Ambiguous ambiguous = (Exchange.Ambiguous) exchange;
      return "no answer ("
          + ambiguous.kind().name().toLowerCase(Locale.ROOT)
          + ") after "
          + ambiguous.attempts()
          + " attempt(s)";
    }
    return "no access token: " + ((Exchange.NoToken) exchange).cause().getMessage();
  }

  private static Optional<GraphErrorResponse.Error> error(String body) {
    try {
      return Optional.ofNullable(GraphJson.mapper().readValue(body, GraphErrorResponse.class))
          .map(GraphErrorResponse::error);
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
    final String body;
    final ProviderEvidence evidence;
    final String detail;

    Answer(Kind kind, String body, ProviderEvidence evidence, String detail) {
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
      return new Reconciliation.Undetermined(
          "Microsoft Graph could not be asked: " + detail, evidence, true);
    }

    Reconciliation unreadable(Exception problem) {
      return new Reconciliation.Undetermined(
          "Microsoft Graph answered what could not be read: " + problem.getMessage(),
          evidence,
          true);
    }
  }
}
