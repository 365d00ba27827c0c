package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.internal.acs.AcsCallConnection.Invitation;
import dev.handoff.emulator.internal.acs.AcsCallConnection.State;
import dev.handoff.emulator.internal.acs.AcsEvents.Result;
import dev.handoff.emulator.internal.auth.CallbackTokens;
import dev.handoff.emulator.internal.callback.OutgoingCallback;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The call connections and the mid-call flows: transfer, add participant, cancel, get, each with
 * the events ACS documents played out on the simulation thread after the target's ring time.
 */
final class AcsCallFlows {

  private final Simulation simulation;
  private final Map<String, AcsCallConnection> calls = new ConcurrentHashMap<>();

  AcsCallFlows(Simulation simulation) {
    this.simulation = simulation;
  }

  /** The call connections by id, for the handoff flows of this package. */
  Map<String, AcsCallConnection> calls() {
    return calls;
  }

  AcsCallConnection connected(String callConnectionId) {
    AcsCallConnection call = calls.get(callConnectionId);
    if (call == null) {
      throw AcsException.callNotFound();
    }
    synchronized (call) {
      if (call.state == State.DISCONNECTED) {
        throw AcsException.callNotFound();
      }
    }
    return call;
  }

  // ---------------------------------------------------------------- operations

  AcsResult transfer(String callConnectionId, JsonNode body) {
    AcsCallConnection call = connected(callConnectionId);
    AcsIdentifier target =
        AcsIdentifier.fromModel(body.get("targetParticipant"), "targetParticipant");
    AcsIdentifier transferee =
        body.hasNonNull("transferee")
            ? AcsIdentifier.fromModel(body.get("transferee"), "transferee")
            : null;
    String operationContext = text(body, "operationContext");
    String callbackUri = callbackUri(call, body);
    if (body.hasNonNull("customCallingContext")) {
      AcsRules.checkCustomCallingContext(body.get("customCallingContext"), "customCallingContext");
    }
    synchronized (call) {
      if (call.state == State.TRANSFERRING || call.state == State.TRANSFER_ACCEPTED) {
        throw new AcsException(
            409, "8607", "Transfer Operation Conflict: a transfer is already in progress.");
      }
      if (call.isGroup() && transferee == null) {
        throw AcsException.invalid(
            "transferee", "is required to transfer a participant out of a group call");
      }
      if (transferee != null && call.participant(transferee).isEmpty()) {
        throw AcsException.invalid("transferee", "is not a participant of this call");
      }
      AcsIdentifier moving = transferee != null ? transferee : call.participants.get(0);
      call.state = State.TRANSFERRING;
      Outcome outcome = simulation.script().resolve(target.matchKeys());
      simulation.after(
          ringTime(outcome, simulation.settings().defaultInvitationTimeout()),
          () -> completeTransfer(call, target, moving, operationContext, callbackUri, outcome));
    }
    ObjectNode response = Json.object();
    if (operationContext != null) {
      response.put("operationContext", operationContext);
    }
    return new AcsResult(Response.json(202, response), call.correlationId);
  }

  private void completeTransfer(
      AcsCallConnection call,
      AcsIdentifier target,
      AcsIdentifier transferee,
      String operationContext,
      String callbackUri,
      Outcome outcome) {
    synchronized (call) {
      if (call.state != State.TRANSFERRING) {
        return;
      }
      if (outcome.succeeds()) {
        call.state = State.TRANSFER_ACCEPTED;
        ObjectNode data =
            AcsEvents.data(
                call,
                operationContext,
                new Result(200, 7015, "The transfer operation completed successfully."));
        data.set("transferTarget", target.toJson());
        data.set("transferee", transferee.toJson());
        emit(call, callbackUri, "CallTransferAccepted", data);
        call.participants.removeIf(p -> p.rawId().equals(transferee.rawId()));
        AcsExperiences.transferred(simulation, call, transferee, target);
        if (call.participants.isEmpty()) {
          call.state = State.DISCONNECTED;
          emit(
              call,
              call.callbackUri,
              "CallDisconnected",
              AcsEvents.data(
                  call,
                  null,
                  new Result(200, 7015, "The call was transferred. DiagCode: 0#7015.@")));
        } else {
          call.state = State.CONNECTED;
          participantsUpdated(call);
        }
      } else {
        call.state = State.CONNECTED;
        emit(
            call,
            callbackUri,
            "CallTransferFailed",
            AcsEvents.data(call, operationContext, failure("Transfer", target, outcome)));
      }
    }
  }

  AcsResult add(String callConnectionId, JsonNode body) {
    AcsCallConnection call = connected(callConnectionId);
    AcsIdentifier participant =
        AcsIdentifier.fromModel(body.get("participantToAdd"), "participantToAdd");
    if (participant instanceof AcsIdentifier.PhoneNumber
        && !body.hasNonNull("sourceCallerIdNumber")) {
      // ACS calls out to the phone network only with a caller id of the resource.
      throw AcsException.invalid(
          "sourceCallerIdNumber", "is required to add a phone number: it is the caller id shown");
    }
    String operationContext = text(body, "operationContext");
    String callbackUri = callbackUri(call, body);
    if (body.hasNonNull("customCallingContext")) {
      AcsRules.checkCustomCallingContext(body.get("customCallingContext"), "customCallingContext");
    }
    Duration timeout =
        body.hasNonNull("invitationTimeoutInSeconds")
            ? Duration.ofSeconds(body.get("invitationTimeoutInSeconds").asInt())
            : simulation.settings().defaultInvitationTimeout();
    String invitationId;
    synchronized (call) {
      invitationId = call.ids.uuidString();
      Invitation invitation =
          new Invitation(invitationId, participant, operationContext, callbackUri);
      call.invitations.put(invitationId, invitation);
      Outcome outcome = simulation.script().resolve(participant.matchKeys());
      Duration ring = ringTime(outcome, timeout);
      Outcome effective = ring.compareTo(timeout) >= 0 ? Outcome.noAnswer() : outcome;
      invitation.completion =
          simulation.after(
              ring.compareTo(timeout) > 0 ? timeout : ring,
              () -> completeAdd(call, invitation, effective));
    }
    ObjectNode response = Json.object();
    ObjectNode callParticipant = response.putObject("participant");
    callParticipant.set("identifier", participant.toJson());
    callParticipant.put("isMuted", false);
    if (operationContext != null) {
      response.put("operationContext", operationContext);
    }
    response.put("invitationId", invitationId);
    return new AcsResult(Response.json(202, response), call.correlationId);
  }

  private void completeAdd(AcsCallConnection call, Invitation invitation, Outcome outcome) {
    synchronized (call) {
      if (invitation.settled || call.state == State.DISCONNECTED) {
        return;
      }
      invitation.settled = true;
      if (outcome.succeeds()) {
        call.participants.add(invitation.participant);
        ObjectNode data = AcsEvents.data(call, invitation.operationContext, new Result(200, 0, ""));
        data.set("participant", invitation.participant.toJson());
        emit(call, invitation.callbackUri, "AddParticipantSucceeded", data);
        participantsUpdated(call);
        AcsExperiences.record(simulation, call);
      } else {
        ObjectNode data =
            AcsEvents.data(
                call,
                invitation.operationContext,
                failure("addParticipants", invitation.participant, outcome));
        data.set("participant", invitation.participant.toJson());
        emit(call, invitation.callbackUri, "AddParticipantFailed", data);
      }
    }
  }

  AcsResult cancel(String callConnectionId, JsonNode body) {
    AcsCallConnection call = connected(callConnectionId);
    String invitationId = body.get("invitationId").asText();
    String operationContext = text(body, "operationContext");
    String callbackUri = callbackUri(call, body);
    synchronized (call) {
      Invitation invitation = call.invitations.get(invitationId);
      if (invitation == null) {
        throw new AcsException(404, "8522", "Invitation not found.");
      }
      boolean pending = !invitation.settled;
      invitation.settled = true;
      if (pending) {
        invitation.completion.cancel(false);
      }
      simulation.after(
          Duration.ZERO,
          () -> {
            synchronized (call) {
              if (pending) {
                Result cancelled =
                    new Result(
                        487,
                        5234,
                        AcsEvents.failureMessage(
                            "addParticipants",
                            invitation.participant,
                            "The Call Has Been Cancelled",
                            487,
                            5234));
                ObjectNode done = AcsEvents.data(call, operationContext, cancelled);
                done.put("invitationId", invitationId);
                emit(call, callbackUri, "CancelAddParticipantSucceeded", done);
                ObjectNode failed = AcsEvents.data(call, invitation.operationContext, cancelled);
                failed.set("participant", invitation.participant.toJson());
                emit(call, invitation.callbackUri, "AddParticipantFailed", failed);
              } else {
                ObjectNode failed =
                    AcsEvents.data(
                        call,
                        operationContext,
                        new Result(
                            400,
                            8523,
                            "The invitation has already completed and cannot be cancelled."));
                failed.put("invitationId", invitationId);
                emit(call, callbackUri, "CancelAddParticipantFailed", failed);
              }
            }
          });
    }
    ObjectNode response = Json.object();
    response.put("invitationId", invitationId);
    if (operationContext != null) {
      response.put("operationContext", operationContext);
    }
    return new AcsResult(Response.json(202, response), call.correlationId);
  }

  AcsResult get(String callConnectionId) {
    AcsCallConnection call = connected(callConnectionId);
    ObjectNode body = Json.object();
    synchronized (call) {
      body.put("callConnectionId", call.callConnectionId);
      body.put("serverCallId", call.serverCallId);
      ArrayNode targets = body.putArray("targets");
      call.participants.forEach(p -> targets.add(p.toJson()));
      body.put("callConnectionState", call.state.wire);
      body.put("callbackUri", call.callbackUri);
      if (call.source != null) {
        body.set("source", call.source.toJson());
      }
      body.put("correlationId", call.correlationId);
    }
    return new AcsResult(Response.json(200, body), call.correlationId);
  }

  // ---------------------------------------------------------------- helpers

  private Duration ringTime(Outcome outcome, Duration timeout) {
    return outcome.kind() == Outcome.Kind.NO_ANSWER ? timeout : simulation.settings().ringTime();
  }

  private static Result failure(String action, AcsIdentifier target, Outcome outcome) {
    return switch (outcome.kind()) {
      case DECLINE ->
          new Result(
              603,
              8538,
              AcsEvents.failureMessage(action, target, "The callee declined the call", 603, 8538));
      case BUSY ->
          new Result(
              486, 8539, AcsEvents.failureMessage(action, target, "The callee is busy", 486, 8539));
      case NO_ANSWER ->
          new Result(
              480,
              10037,
              AcsEvents.failureMessage(
                  action,
                  target,
                  "The callee did not answer before the invitation timed out",
                  480,
                  10037));
      default ->
          new Result(
              outcome.code(),
              outcome.subCode(),
              outcome.message() != null
                  ? outcome.message()
                  : AcsEvents.failureMessage(
                      action, target, "Scripted failure", outcome.code(), outcome.subCode()));
    };
  }

  void participantsUpdated(AcsCallConnection call) {
    ObjectNode data = AcsEvents.data(call, null, new Result(200, 0, ""));
    data.put("sequenceNumber", ++call.sequenceNumber);
    data.set("participants", AcsEvents.participants(call.participants));
    emit(call, call.callbackUri, "ParticipantsUpdated", data);
  }

  void emit(AcsCallConnection call, String url, String type, ObjectNode data) {
    ArrayNode body =
        AcsEvents.envelope(
            call, type, data, call.ids.uuidString(), simulation.settings().clock().instant());
    simulation
        .dispatcher()
        .send(
            new OutgoingCallback(
                "acs",
                type,
                call.callConnectionId,
                "acs:" + call.callConnectionId,
                url,
                Map.of(
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    "Bearer "
                        + simulation
                            .callbackTokens()
                            .take(new CallbackTokens.Acs(simulation.settings().acsResourceId()))),
                Json.string(body),
                null));
  }

  private static String text(JsonNode body, String field) {
    return body.hasNonNull(field) ? body.get(field).asText() : null;
  }

  private static String callbackUri(AcsCallConnection call, JsonNode body) {
    return body.hasNonNull("operationCallbackUri")
        ? AcsRules.checkCallbackUri(
            body.get("operationCallbackUri").asText(), "operationCallbackUri")
        : call.callbackUri;
  }

  /** Creates a connected call connection. */
  AcsCall createCall(AcsCallSpec spec) {
    String callbackUri;
    try {
      callbackUri = AcsRules.checkCallbackUri(spec.callbackUri(), "callbackUri");
    } catch (AcsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<AcsIdentifier> participants = new ArrayList<>();
    for (String rawId : spec.participants()) {
      participants.add(AcsIdentifier.fromRawId(rawId));
    }
    String version = spec.apiVersion() == null ? AcsApiVersions.LATEST : spec.apiVersion();
    if (!AcsApiVersions.isKnown(version)) {
      throw new IllegalArgumentException("unknown api-version " + version);
    }
    IdSource ids = simulation.ids().child();
    String generated = ids.uuidString();
    String id = spec.callConnectionId() == null ? generated : spec.callConnectionId();
    if (calls.containsKey(id)) {
      throw new IllegalArgumentException("call connection " + id + " already exists");
    }
    AcsCallConnection call =
        new AcsCallConnection(
            id,
            AcsCallConnection.newServerCallId(ids),
            ids.uuidString(),
            callbackUri,
            spec.source() == null ? null : AcsIdentifier.fromRawId(spec.source()),
            participants,
            version,
            ids);
    calls.put(id, call);
    synchronized (call) {
      AcsExperiences.record(simulation, call);
    }
    if (spec.announce()) {
      synchronized (call) {
        emit(
            call,
            call.callbackUri,
            "CallConnected",
            AcsEvents.data(call, null, new Result(200, 0, "")));
        participantsUpdated(call);
      }
    }
    return new AcsCall(call.callConnectionId, call.serverCallId, call.correlationId);
  }

  /** The state of a call connection ({@code connected}, ...), if it exists. */
  Optional<String> callState(String callConnectionId) {
    AcsCallConnection call = calls.get(callConnectionId);
    if (call == null) {
      return Optional.empty();
    }
    synchronized (call) {
      return Optional.of(call.state.wire);
    }
  }

  /** Forgets every call, cancelling pending invitations. */
  void reset() {
    calls
        .values()
        .forEach(
            call -> {
              synchronized (call) {
                call.invitations
                    .values()
                    .forEach(
                        i -> {
                          if (i.completion != null) {
                            i.completion.cancel(false);
                          }
                        });
                call.state = State.DISCONNECTED;
              }
            });
    calls.clear();
  }
}
