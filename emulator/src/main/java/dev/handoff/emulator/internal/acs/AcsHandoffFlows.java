package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.acs.AcsCallConnection.Invitation;
import dev.handoff.emulator.internal.acs.AcsCallConnection.State;
import dev.handoff.emulator.internal.acs.AcsEvents.Result;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The media and roster actions a warm handoff is made of: hold and unhold a participant (with hold
 * audio), play a prompt to some participants, remove a participant, the application hanging up its
 * leg, and listing the participants. Each changes who hears what, which is recorded in the
 * journal's experiences.
 *
 * <ul>
 *   <li>Hold and unhold answer 200 with no body; an unknown participant is 400/8523.
 *   <li>Play answers 202; {@code PlayStarted} follows at once and {@code PlayCompleted} after the
 *       prompt's play time ({@value #PLAY_MILLIS} ms, scaled). While it plays, the participants in
 *       {@code playTo} (everyone not on hold when absent) hear the prompt.
 *   <li>Remove answers 202 ({@code operationContext} echoed); {@code RemoveParticipantSucceeded}
 *       and {@code ParticipantsUpdated} follow, and the participant's line goes down.
 *   <li>Hang-up answers 204: the application's leg ends ({@code CallDisconnected} to the call's
 *       callback) and its pending invitations are withdrawn; two or more remaining participants go
 *       on talking, a single remaining one is dropped.
 *   <li>The participant list answers 200 with the participants other than the application.
 * </ul>
 */
final class AcsHandoffFlows {
  static final long PLAY_MILLIS = 1000;

  private final Simulation simulation;
  private final AcsCallFlows flows;

  AcsHandoffFlows(Simulation simulation, AcsCallFlows flows) {
    this.simulation = simulation;
    this.flows = flows;
  }

  AcsResult hold(String callConnectionId, JsonNode body) {
    AcsCallConnection call = flows.connected(callConnectionId);
    AcsIdentifier target =
        AcsIdentifier.fromModel(body.get("targetParticipant"), "targetParticipant");
    String audio =
        body.hasNonNull("playSourceInfo")
            ? "hold: " + describe(body.get("playSourceInfo"), "playSourceInfo")
            : "hold: music";
    synchronized (call) {
      requireParticipant(call, target, "targetParticipant");
      call.holds.put(target.rawId(), audio);
      call.prompts.remove(target.rawId());
      AcsExperiences.record(simulation, call);
    }
    return new AcsResult(Response.empty(200), call.correlationId);
  }

  AcsResult unhold(String callConnectionId, JsonNode body) {
    AcsCallConnection call = flows.connected(callConnectionId);
    AcsIdentifier target =
        AcsIdentifier.fromModel(body.get("targetParticipant"), "targetParticipant");
    synchronized (call) {
      requireParticipant(call, target, "targetParticipant");
      call.holds.remove(target.rawId());
      AcsExperiences.record(simulation, call);
    }
    return new AcsResult(Response.empty(200), call.correlationId);
  }

  AcsResult play(String callConnectionId, JsonNode body) {
    AcsCallConnection call = flows.connected(callConnectionId);
    JsonNode sources = body.get("playSources");
    if (sources.size() == 0) {
      throw AcsException.invalid("playSources", "must name at least one play source");
    }
    String prompt = "prompt: " + describe(sources.get(0), "playSources[0]");
    List<AcsIdentifier> playTo = new ArrayList<>();
    if (body.hasNonNull("playTo")) {
      JsonNode to = body.get("playTo");
      for (int i = 0; i < to.size(); i++) {
        playTo.add(AcsIdentifier.fromModel(to.get(i), "playTo[" + i + "]"));
      }
    }
    String operationContext = text(body, "operationContext");
    String callbackUri = callbackUri(call, body);
    List<String> hearers = new ArrayList<>();
    synchronized (call) {
      for (int i = 0; i < playTo.size(); i++) {
        requireParticipant(call, playTo.get(i), "playTo[" + i + "]");
        hearers.add(playTo.get(i).rawId());
      }
      if (playTo.isEmpty()) {
        call.participants.stream()
            .map(AcsIdentifier::rawId)
            .filter(raw -> !call.holds.containsKey(raw))
            .forEach(hearers::add);
      }
    }
    simulation.after(
        Duration.ZERO,
        () -> {
          synchronized (call) {
            flows.emit(
                call,
                callbackUri,
                "PlayStarted",
                AcsEvents.data(call, operationContext, new Result(200, 0, "Action completed.")));
            hearers.forEach(raw -> call.prompts.put(raw, prompt));
            AcsExperiences.record(simulation, call);
          }
        });
    simulation.after(
        Duration.ofMillis(PLAY_MILLIS),
        () -> {
          synchronized (call) {
            hearers.forEach(raw -> call.prompts.remove(raw, prompt));
            flows.emit(
                call,
                callbackUri,
                "PlayCompleted",
                AcsEvents.data(
                    call, operationContext, new Result(200, 0, "Action completed successfully.")));
            AcsExperiences.record(simulation, call);
          }
        });
    return new AcsResult(Response.empty(202), call.correlationId);
  }

  AcsResult remove(String callConnectionId, JsonNode body) {
    AcsCallConnection call = flows.connected(callConnectionId);
    AcsIdentifier participant =
        AcsIdentifier.fromModel(body.get("participantToRemove"), "participantToRemove");
    String operationContext = text(body, "operationContext");
    String callbackUri = callbackUri(call, body);
    synchronized (call) {
      requireParticipant(call, participant, "participantToRemove");
    }
    simulation.after(
        Duration.ZERO,
        () -> {
          synchronized (call) {
            if (call.participants.removeIf(p -> p.rawId().equals(participant.rawId()))) {
              call.holds.remove(participant.rawId());
              call.prompts.remove(participant.rawId());
              ObjectNode data =
                  AcsEvents.data(call, operationContext, new Result(200, 0, "Action completed."));
              data.set("participant", participant.toJson());
              flows.emit(call, callbackUri, "RemoveParticipantSucceeded", data);
              flows.participantsUpdated(call);
              AcsExperiences.left(simulation, call, participant.rawId());
              AcsExperiences.record(simulation, call);
            } else {
              ObjectNode data =
                  AcsEvents.data(
                      call,
                      operationContext,
                      new Result(400, 8523, "The participant is no longer in the call."));
              data.set("participant", participant.toJson());
              flows.emit(call, callbackUri, "RemoveParticipantFailed", data);
            }
          }
        });
    ObjectNode response = Json.object();
    if (operationContext != null) {
      response.put("operationContext", operationContext);
    }
    return new AcsResult(Response.json(202, response), call.correlationId);
  }

  AcsResult hangUp(String callConnectionId) {
    AcsCallConnection call = flows.connected(callConnectionId);
    synchronized (call) {
      call.state = State.DISCONNECTED;
      for (Invitation invitation : call.invitations.values()) {
        if (!invitation.settled) {
          invitation.settled = true;
          if (invitation.completion != null) {
            invitation.completion.cancel(false);
          }
        }
      }
      if (call.participants.size() <= 1) {
        call.ended = true;
      }
      flows.emit(
          call,
          call.callbackUri,
          "CallDisconnected",
          AcsEvents.data(call, null, new Result(200, 0, "The application hung up.")));
      AcsExperiences.record(simulation, call);
    }
    return new AcsResult(Response.empty(204), call.correlationId);
  }

  private static void requireParticipant(
      AcsCallConnection call, AcsIdentifier participant, String path) {
    if (call.participant(participant).isEmpty()) {
      throw AcsException.invalid(path, "is not a participant of this call");
    }
  }

  /** A play source as a party hears it: {@code text "…"}, {@code file <uri>} or {@code ssml}. */
  private static String describe(JsonNode source, String path) {
    String kind = source.get("kind").asText();
    switch (kind) {
      case "text":
        if (!source.hasNonNull("text")) {
          throw AcsException.invalid(path + ".text", "is required for kind text");
        }
        return "text \"" + source.get("text").get("text").asText() + "\"";
      case "file":
        if (!source.hasNonNull("file")) {
          throw AcsException.invalid(path + ".file", "is required for kind file");
        }
        return "file " + source.get("file").get("uri").asText();
      default:
        if (!source.hasNonNull("ssml")) {
          throw AcsException.invalid(path + ".ssml", "is required for kind ssml");
        }
        return "ssml";
    }
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
}
