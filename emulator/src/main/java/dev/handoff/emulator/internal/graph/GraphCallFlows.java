package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.internal.graph.GraphCallState.Member;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's calls and the flows Graph documents: transfer, invite, redirect, get call, get
 * operation, with their notification sequences played out on the simulation thread.
 */
final class GraphCallFlows {

  private final Simulation simulation;
  private final GraphNotifications notifications;
  private final Map<String, GraphCallState> calls = new ConcurrentHashMap<>();
  private volatile String botWebhook;

  GraphCallFlows(Simulation simulation) {
    this.simulation = simulation;
    this.notifications = new GraphNotifications(simulation);
  }

  /** The calls by id, for the handoff flows of this package. */
  Map<String, GraphCallState> calls() {
    return calls;
  }

  /** The notification sender. */
  GraphNotifications notifications() {
    return notifications;
  }

  /** How long a target rings before its scripted outcome. */
  Duration ringTimeOf(Outcome outcome) {
    return ringTime(outcome);
  }

  GraphCallState existing(String id) {
    GraphCallState call = calls.get(id);
    if (call == null) {
      throw GraphException.callNotFound();
    }
    synchronized (call) {
      if (call.state.equals("terminated")) {
        throw GraphException.callNotFound();
      }
    }
    return call;
  }

  Response transfer(String callId, JsonNode body, boolean beta) {
    GraphCallState call = existing(callId);
    GraphRequests.checkTransfer(body, beta);
    JsonNode target = body.get("transferTarget");
    requireOwnTenant(target.get("identity"));
    JsonNode transferee = body.get("transferee");
    String replacesCallId =
        target.hasNonNull("replacesCallId") ? target.get("replacesCallId").asText() : null;
    synchronized (call) {
      if (!call.state.equals("established")) {
        throw GraphException.invalid(
            "Call is in state '" + call.state + "'; transfer needs an established call.");
      }
      if (call.meetingMode && !call.group) {
        throw GraphException.invalid("Cannot do transfer for meeting mode");
      }
      if (call.group && transferee == null) {
        throw GraphException.invalid(
            "Parameter 'transferee' is required to transfer a participant of a group call.");
      }
      Member moving = call.members.get(0);
      if (transferee != null && transferee.hasNonNull("participantId")) {
        String participantId = transferee.get("participantId").asText();
        moving =
            call.members.stream()
                .filter(member -> member.participantId().equals(participantId))
                .findFirst()
                .orElseThrow(
                    () ->
                        GraphException.invalid(
                            "Parameter 'transferee.participantId' names no participant of this call."));
      }
      call.state = "transferring";
      Outcome outcome = simulation.script().resolve(GraphIdentities.keys(target.get("identity")));
      GraphCallState replaced = replacesCallId == null ? null : calls.get(replacesCallId);
      Member transferred = moving;
      JsonNode targetIdentity = target.get("identity");
      simulation.after(Duration.ZERO, () -> notifications.notifyState(call, "transferring", null));
      simulation.after(
          ringTime(outcome),
          () ->
              completeTransfer(
                  call, transferred, targetIdentity, outcome, replacesCallId, replaced));
    }
    return Response.empty(202);
  }

  private void completeTransfer(
      GraphCallState call,
      Member transferee,
      JsonNode targetIdentity,
      Outcome outcome,
      String replacesCallId,
      GraphCallState replaced) {
    boolean consultative = replacesCallId != null;
    boolean replaceable =
        !consultative || (replaced != null && !replaced.state.equals("terminated"));
    synchronized (call) {
      if (!call.state.equals("transferring")) {
        return;
      }
      if (outcome.succeeds() && replaceable) {
        call.state = "transferAccepted";
        notifications.notifyState(call, "transferAccepted", null);
        if (call.group && call.rosterTransferEnd) {
          call.members.remove(transferee);
          call.state = "established";
          notifications.notifyState(call, "established", null);
          notifications.notifyRoster(call);
        } else {
          // The transfer reference's shape, for peer-to-peer and group calls alike: the bot's leg
          // ends, with 0/7015 (blind) or AppTransferred (consultative).
          call.members.remove(transferee);
          call.state = "terminated";
          GraphExperiences.transferred(simulation, call, transferee, targetIdentity);
          ObjectNode extra = Json.object();
          if (consultative) {
            extra.put("terminationReason", "AppTransferred");
          } else {
            extra.set("resultInfo", notifications.resultInfo(0, 7015, "GracefulTransferCompleted"));
          }
          notifications.notify(
              call,
              call.callbackUri,
              "call.terminated",
              GraphNotifications.notification(
                  "deleted",
                  call.resourceUrl(),
                  GraphNotifications.callData(call, "terminated", extra)));
        }
      } else {
        call.state = "established";
        ObjectNode extra = Json.object();
        if (outcome.kind() == Outcome.Kind.FAIL) {
          extra.set(
              "resultInfo",
              notifications.resultInfo(
                  outcome.code(), outcome.subCode(), message(outcome, "Transfer failed.")));
        } else {
          int subcode = consultative ? 7700 : 7000;
          extra.set(
              "resultInfo",
              notifications.resultInfo(
                  500,
                  subcode,
                  failureReason(outcome, replaceable) + " DiagCode: 500#" + subcode + ".@"));
        }
        if (consultative) {
          extra.put("replacesContext", call.ids.uuidString());
        }
        notifications.notifyState(call, "established", extra);
      }
    }
    if (outcome.succeeds() && consultative && replaceable) {
      synchronized (replaced) {
        replaced.state = "terminated";
        ObjectNode extra = Json.object();
        extra.put("terminationReason", "AppTransferred");
        notifications.notify(
            replaced,
            replaced.callbackUri,
            "call.terminated",
            GraphNotifications.notification(
                "deleted",
                replaced.resourceUrl(),
                GraphNotifications.callData(replaced, "terminated", extra)));
      }
    }
  }

  Response invite(String callId, JsonNode body, String baseUrl, String version) {
    GraphCallState call = existing(callId);
    GraphRequests.checkInvite(body);
    JsonNode participants = body.get("participants");
    participants.forEach(participant -> requireOwnTenant(participant.get("identity")));
    String clientContext =
        body.hasNonNull("clientContext") ? body.get("clientContext").asText() : null;
    boolean replacing = participants.get(0).hasNonNull("replacesCallId");
    List<JsonNode> invited = new ArrayList<>();
    if (replacing) {
      invited.add(participants.get(0));
    } else {
      participants.forEach(invited::add);
    }
    ObjectNode operation;
    String operationId;
    synchronized (call) {
      if (!call.state.equals("established")) {
        throw GraphException.invalid(
            "Call is in state '" + call.state + "'; invite needs an established call.");
      }
      if (!call.group && invited.size() > 1) {
        throw GraphException.invalid(
            "Inviting several participants at once is only supported in a group call.");
      }
      operationId = call.ids.uuidString();
      operation = Json.object();
      operation.put("@odata.type", "#microsoft.graph.inviteParticipantsOperation");
      operation.put("id", operationId);
      operation.put("status", "Running");
      if (clientContext != null) {
        operation.put("clientContext", clientContext);
      } else {
        operation.putNull("clientContext");
      }
      operation.putNull("resultInfo");
      ArrayNode echoed = operation.putArray("participants");
      for (JsonNode participant : invited) {
        ObjectNode copy = echoed.addObject();
        copy.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
        copy.putNull("endpointType");
        copy.putNull("id");
        copy.set(
            "replacesCallId",
            participant.hasNonNull("replacesCallId")
                ? participant.get("replacesCallId")
                : Json.mapper().nullNode());
        copy.set(
            "identity", GraphNotifications.withTenant(participant.get("identity"), call.tenantId));
      }
      call.operations.put(operationId, operation.deepCopy());
      call.meetingMode = true;
      Outcome outcome = Outcome.accept();
      for (JsonNode participant : invited) {
        Outcome each =
            simulation.script().resolve(GraphIdentities.keys(participant.get("identity")));
        if (!each.succeeds()) {
          outcome = each;
          break;
        }
      }
      Outcome result = outcome;
      String replacesCallId = replacing ? participants.get(0).get("replacesCallId").asText() : null;
      simulation.after(
          ringTime(result),
          () -> completeInvite(call, operationId, invited, result, replacesCallId));
    }
    String location =
        baseUrl + "/" + version + "/communications/calls/" + call.id + "/operations/" + operationId;
    return Response.json(200, operation, GraphService.ODATA_JSON).withHeader("Location", location);
  }

  private void completeInvite(
      GraphCallState call,
      String operationId,
      List<JsonNode> invited,
      Outcome outcome,
      String replacesCallId) {
    GraphCallState replaced = null;
    synchronized (call) {
      if (call.state.equals("terminated")) {
        return;
      }
      ObjectNode operation = call.operations.get(operationId);
      if (outcome.succeeds()) {
        operation.put("status", "completed");
        operation.set("resultInfo", notifications.resultInfo(200, 0, "OK"));
        for (JsonNode participant : invited) {
          call.members.add(
              new Member(
                  call.ids.uuidString(),
                  GraphNotifications.withTenant(participant.get("identity"), call.tenantId)));
        }
      } else {
        operation.put("status", "failed");
        String identity = String.join(",", GraphIdentities.keys(invited.get(0).get("identity")));
        operation.set(
            "resultInfo",
            switch (outcome.kind()) {
              case DECLINE ->
                  notifications.resultInfo(
                      603,
                      8538,
                      "addParticipants failed for participant "
                          + identity
                          + ". Underlying reason: The callee declined the call. DiagCode: 603#8538.@");
              case BUSY ->
                  notifications.resultInfo(
                      486,
                      8539,
                      "addParticipants failed for participant "
                          + identity
                          + ". Underlying reason: The callee is busy. DiagCode: 486#8539.@");
              case NO_ANSWER ->
                  notifications.resultInfo(
                      408,
                      10037,
                      "addParticipants failed for participant "
                          + identity
                          + ". Underlying reason: The callee did not answer. DiagCode: 408#10037.@");
              default ->
                  notifications.resultInfo(
                      outcome.code(),
                      outcome.subCode(),
                      message(outcome, "addParticipants failed for participant " + identity + "."));
            });
      }
      ObjectNode data = operation.deepCopy();
      notifications.notify(
          call,
          call.callbackUri,
          "operation." + operation.get("status").asText(),
          GraphNotifications.notification(
              "deleted", call.resourceUrl() + "/operations/" + operationId, data));
      if (outcome.succeeds()) {
        notifications.notifyRoster(call);
        replaced = replacesCallId == null ? null : calls.get(replacesCallId);
      }
    }
    if (replaced != null) {
      synchronized (replaced) {
        if (!replaced.state.equals("terminated")) {
          replaced.state = "terminated";
          notifications.notify(
              replaced,
              replaced.callbackUri,
              "call.terminated",
              GraphNotifications.notification(
                  "deleted",
                  replaced.resourceUrl(),
                  GraphNotifications.callData(replaced, "terminated", null)));
        }
      }
    }
  }

  Response redirect(String callId, JsonNode body, boolean beta) {
    GraphCallState call = calls.get(callId);
    if (call == null) {
      throw GraphException.callNotFound();
    }
    GraphRequests.checkRedirect(body, beta);
    body.get("targets").forEach(target -> requireOwnTenant(target.get("identity")));
    synchronized (call) {
      Instant now = simulation.settings().clock().instant();
      if (call.state.equals("incoming")
          && now.isAfter(call.createdAt.plus(simulation.settings().graphIncomingCallTimeout()))) {
        call.state = "terminated";
      }
      if (call.state.equals("terminated")) {
        throw GraphException.callNotFound();
      }
      if (!call.state.equals("incoming")) {
        throw GraphException.invalid(
            "Call is in state '"
                + call.state
                + "'; only an incoming call that is not yet answered can be redirected.");
      }
      call.state = "redirecting";
      String url =
          body.hasNonNull("callbackUri") ? body.get("callbackUri").asText() : call.callbackUri;
      simulation.after(
          Duration.ZERO,
          () -> {
            synchronized (call) {
              // As the redirect reference shows: the incoming call's resource, terminated,
              // without a result.
              call.state = "terminated";
              notifications.notify(
                  call,
                  url,
                  "call.terminated",
                  GraphNotifications.notification(
                      "deleted", call.resourceUrl(), notifications.callResource(call)));
            }
          });
    }
    return Response.empty(202);
  }

  /** Another tenant's resource account is refused as Graph does: 403, 7505. */
  private void requireOwnTenant(JsonNode identitySet) {
    if (identitySet != null
        && GraphIdentities.foreignTenant(identitySet, simulation.settings().graphTenantId())) {
      throw GraphException.tenantMismatch();
    }
  }

  Response get(String callId) {
    GraphCallState call = existing(callId);
    synchronized (call) {
      return Response.json(200, notifications.callResource(call), GraphService.ODATA_JSON);
    }
  }

  Response operation(String callId, String operationId) {
    GraphCallState call = calls.get(callId);
    if (call == null) {
      throw GraphException.callNotFound();
    }
    synchronized (call) {
      ObjectNode operation = call.operations.get(operationId);
      if (operation == null) {
        throw new GraphException(404, "8522", "Operation not found.");
      }
      ObjectNode copy = operation.deepCopy();
      String status = copy.get("status").asText();
      copy.put("status", Character.toUpperCase(status.charAt(0)) + status.substring(1));
      return Response.json(200, copy, GraphService.ODATA_JSON);
    }
  }

  private Duration ringTime(Outcome outcome) {
    return outcome.kind() == Outcome.Kind.NO_ANSWER
        ? simulation.settings().defaultInvitationTimeout()
        : simulation.settings().ringTime();
  }

  private static String failureReason(Outcome outcome, boolean replaceable) {
    if (!replaceable) {
      return "The call to replace does not exist.";
    }
    return switch (outcome.kind()) {
      case DECLINE -> "Transfer failed: the target declined the call.";
      case BUSY -> "Transfer failed: the target is busy.";
      case NO_ANSWER -> "Transfer failed: the target did not answer.";
      default -> "Transfer failed.";
    };
  }

  private static String message(Outcome outcome, String fallback) {
    return outcome.message() != null ? outcome.message() : fallback;
  }

  /** Creates an established call of the bot. */
  GraphCall createCall(GraphCallSpec spec) {
    String callbackUri = callbackOrWebhook(spec.callbackUri());
    IdSource ids = simulation.ids().child();
    String tenant = simulation.settings().graphTenantId();
    ObjectNode bot =
        GraphIdentities.parse("application:" + simulation.settings().graphBotAppId(), tenant);
    String generated = ids.uuidString();
    String id = spec.callId() == null ? generated : spec.callId();
    if (calls.containsKey(id)) {
      throw new IllegalArgumentException("call " + id + " already exists");
    }
    GraphCallState call =
        new GraphCallState(
            id,
            tenant,
            callbackUri,
            "outgoing",
            ids.uuidString(),
            ids.uuidString(),
            simulation.settings().clock().instant(),
            ids,
            spec.group() || spec.participants().size() > 1,
            null,
            bot,
            "established");
    call.rosterTransferEnd = spec.groupTransferEnd() == GraphCallSpec.GroupTransferEnd.ROSTER;
    List<GraphCall.Participant> handles = new ArrayList<>();
    for (String participant : spec.participants()) {
      Member member = new Member(ids.uuidString(), GraphIdentities.parse(participant, tenant));
      call.members.add(member);
      handles.add(new GraphCall.Participant(member.participantId(), participant));
    }
    if (calls.putIfAbsent(call.id, call) != null) {
      throw new IllegalArgumentException("call " + call.id + " already exists");
    }
    synchronized (call) {
      GraphExperiences.record(simulation, call);
    }
    return new GraphCall(call.id, call.myParticipantId, handles);
  }

  /** Creates an incoming call and sends its {@code created} notification. */
  GraphIncomingCall createIncomingCall(GraphIncomingCallSpec spec) {
    String callbackUri = callbackOrWebhook(spec.callbackUri());
    IdSource ids = simulation.ids().child();
    String tenant = simulation.settings().graphTenantId();
    ObjectNode source = GraphIdentities.parse(spec.source(), tenant);
    ObjectNode bot =
        GraphIdentities.parse(
            spec.target() != null
                ? spec.target()
                : "application:" + simulation.settings().graphBotAppId(),
            tenant);
    GraphCallState call =
        new GraphCallState(
            ids.uuidString(),
            tenant,
            callbackUri,
            "incoming",
            ids.uuidString(),
            ids.uuidString(),
            simulation.settings().clock().instant(),
            ids,
            false,
            source,
            bot,
            "incoming");
    call.members.add(new Member(ids.uuidString(), source));
    calls.put(call.id, call);
    synchronized (call) {
      ObjectNode resource = notifications.callResource(call);
      ObjectNode incomingContext = resource.putObject("incomingContext");
      incomingContext.put("sourceParticipantId", call.members.get(0).participantId());
      notifications.notify(
          call,
          callbackUri,
          "call.incoming",
          GraphNotifications.notification("created", call.resourceUrl(), resource));
    }
    return new GraphIncomingCall(call.id);
  }

  private String callbackOrWebhook(String callbackUri) {
    String url = callbackUri != null ? callbackUri : botWebhook;
    if (url == null) {
      throw new IllegalArgumentException(
          "the call needs a callbackUri (or a configured graphBotWebhook)");
    }
    try {
      return GraphRequests.callbackUri(url, "callbackUri");
    } catch (GraphException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The state of a call ({@code established}, ...), if it exists. */
  Optional<String> callState(String callId) {
    GraphCallState call = calls.get(callId);
    if (call == null) {
      return Optional.empty();
    }
    synchronized (call) {
      return Optional.of(call.state);
    }
  }

  /** Forgets every call. */
  void reset() {
    calls.clear();
  }

  /** Changes the bot's registered calling webhook ({@code null} for none). */
  void botWebhook(String url) {
    try {
      this.botWebhook = url == null ? null : GraphRequests.callbackUri(url, "graphBotWebhook");
    } catch (GraphException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The bot's registered calling webhook, or {@code null}. */
  String botWebhook() {
    return botWebhook;
  }
}
