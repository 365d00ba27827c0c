package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.internal.graph.GraphCallState.Member;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot's own calls and media a warm handoff uses: placing a call (the consultation call to an
 * agent), hanging up, hold music on a participant, prompts, and the participant list. Each change
 * of who hears what is recorded in the journal's experiences.
 *
 * <ul>
 *   <li>Create call: {@code 201} with the call ({@code establishing}); an {@code establishing}
 *       notification, then after the target's ring time {@code established} (the target answered,
 *       now a member), or {@code deleted} {@code terminated} with the scripted failure (603/8538
 *       declined, 486/8539 busy, 408/10037 no answer after the default invitation timeout).
 *   <li>Delete: {@code 204}; {@code deleted} {@code terminated} follows; the members' lines go
 *       down.
 *   <li>startHoldMusic / stopHoldMusic: {@code 202} with the operation {@code running}; a {@code
 *       deleted} operation notification {@code completed} follows. A held participant hears the
 *       custom prompt's file, else hold music.
 *   <li>playPrompt: {@code 200} with the operation {@code running}; after the prompt's play time
 *       ({@value #PLAY_MILLIS} ms, scaled) the {@code completed} notification (200/0). Members not
 *       on hold hear it while it plays.
 *   <li>The participant list: the bot (its {@code myParticipantId}) and the members.
 * </ul>
 */
final class GraphHandoffFlows {
  static final long PLAY_MILLIS = 1000;

  private final Simulation simulation;
  private final GraphCallFlows flows;

  GraphHandoffFlows(Simulation simulation, GraphCallFlows flows) {
    this.simulation = simulation;
    this.flows = flows;
  }

  private GraphNotifications notifications() {
    return flows.notifications();
  }

  Response createCall(JsonNode body) {
    GraphRequests.checkCreateCall(body);
    JsonNode target = body.get("targets").get(0).get("identity");
    IdSource ids = simulation.ids().child();
    String tenant = simulation.settings().graphTenantId();
    ObjectNode bot =
        GraphIdentities.parse("application:" + simulation.settings().graphBotAppId(), tenant);
    GraphCallState call =
        new GraphCallState(
            ids.uuidString(),
            tenant,
            body.get("callbackUri").asText(),
            "outgoing",
            ids.uuidString(),
            ids.uuidString(),
            simulation.settings().clock().instant(),
            ids,
            false,
            null,
            bot,
            "establishing");
    ObjectNode called = GraphNotifications.withTenant(target, tenant);
    Outcome outcome = simulation.script().resolve(GraphIdentities.keys(target));
    ObjectNode resource;
    synchronized (call) {
      call.ringing = called;
      flows.calls().put(call.id, call);
      resource = notifications().callResource(call);
      ArrayNode targets = resource.putArray("targets");
      ObjectNode invited = targets.addObject();
      invited.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
      invited.set("identity", called);
      ObjectNode media = resource.putObject("mediaConfig");
      media.put("@odata.type", "#microsoft.graph.serviceHostedMediaConfig");
      simulation.after(
          Duration.ZERO,
          () -> {
            synchronized (call) {
              if (call.state.equals("establishing")) {
                notifications().notifyState(call, "establishing", null);
              }
            }
          });
      call.answer = simulation.after(flows.ringTimeOf(outcome), () -> answer(call, outcome));
    }
    return Response.json(201, resource, GraphService.ODATA_JSON)
        .withHeader("Location", "/communications/calls/" + call.id);
  }

  private void answer(GraphCallState call, Outcome outcome) {
    synchronized (call) {
      if (!call.state.equals("establishing")) {
        return;
      }
      if (outcome.succeeds()) {
        call.members.add(new Member(call.ids.uuidString(), call.ringing));
        call.ringing = null;
        call.state = "established";
        notifications().notifyState(call, "established", null);
        GraphExperiences.record(simulation, call);
        return;
      }
      call.ringing = null;
      call.state = "terminated";
      ObjectNode extra = Json.object();
      extra.set("resultInfo", failure(outcome));
      notifications()
          .notify(
              call,
              call.callbackUri,
              "call.terminated",
              GraphNotifications.notification(
                  "deleted",
                  call.resourceUrl(),
                  GraphNotifications.callData(call, "terminated", extra)));
    }
  }

  private ObjectNode failure(Outcome outcome) {
    return switch (outcome.kind()) {
      case DECLINE ->
          notifications()
              .resultInfo(603, 8538, "The callee declined the call. DiagCode: 603#8538.@");
      case BUSY ->
          notifications().resultInfo(486, 8539, "The callee is busy. DiagCode: 486#8539.@");
      case NO_ANSWER ->
          notifications()
              .resultInfo(408, 10037, "The callee did not answer. DiagCode: 408#10037.@");
      default ->
          notifications()
              .resultInfo(
                  outcome.code(),
                  outcome.subCode(),
                  outcome.message() != null ? outcome.message() : "The call failed.");
    };
  }

  Response delete(String callId) {
    GraphCallState call = flows.existing(callId);
    synchronized (call) {
      if (call.answer != null) {
        call.answer.cancel(false);
      }
      call.ringing = null;
      call.state = "terminated";
      GraphExperiences.record(simulation, call);
      notifications()
          .notify(
              call,
              call.callbackUri,
              "call.terminated",
              GraphNotifications.notification(
                  "deleted",
                  call.resourceUrl(),
                  GraphNotifications.callData(call, "terminated", null)));
    }
    return Response.empty(204);
  }

  Response startHoldMusic(String callId, String participantId, JsonNode body) {
    GraphRequests.checkStartHoldMusic(body);
    GraphCallState call = flows.existing(callId);
    String audio =
        body.hasNonNull("customPrompt")
            ? "hold: file " + GraphRequests.promptUri(body.get("customPrompt"))
            : "hold: music";
    synchronized (call) {
      requireEstablished(call, "startHoldMusic");
      member(call, participantId);
      if (!call.holds.isEmpty() && !call.holds.containsKey(participantId)) {
        throw GraphException.invalid("Only one participant can be placed on hold at a time.");
      }
      call.holds.put(participantId, audio);
      call.prompts.remove(participantId);
      GraphExperiences.record(simulation, call);
      return operation(
          call, "#microsoft.graph.startHoldMusicOperation", body, 202, Duration.ZERO, null);
    }
  }

  Response stopHoldMusic(String callId, String participantId, JsonNode body) {
    GraphRequests.checkStopHoldMusic(body);
    GraphCallState call = flows.existing(callId);
    synchronized (call) {
      requireEstablished(call, "stopHoldMusic");
      member(call, participantId);
      call.holds.remove(participantId);
      GraphExperiences.record(simulation, call);
      return operation(
          call, "#microsoft.graph.stopHoldMusicOperation", body, 202, Duration.ZERO, null);
    }
  }

  Response playPrompt(String callId, JsonNode body) {
    GraphRequests.checkPlayPrompt(body);
    GraphCallState call = flows.existing(callId);
    String prompt = "prompt: file " + GraphRequests.promptUri(body.get("prompts").get(0));
    synchronized (call) {
      requireEstablished(call, "playPrompt");
      List<String> hearers = new ArrayList<>();
      for (Member member : call.members) {
        if (!call.holds.containsKey(member.participantId())) {
          hearers.add(member.participantId());
          call.prompts.put(member.participantId(), prompt);
        }
      }
      GraphExperiences.record(simulation, call);
      return operation(
          call,
          "#microsoft.graph.playPromptOperation",
          body,
          200,
          Duration.ofMillis(PLAY_MILLIS),
          () -> {
            hearers.forEach(id -> call.prompts.remove(id, prompt));
            GraphExperiences.record(simulation, call);
          });
    }
  }

  /**
   * Answers an operation running, and after {@code after} reports it completed ({@code deleted}
   * operation notification), first running {@code completion} on the simulation thread.
   */
  private Response operation(
      GraphCallState call,
      String type,
      JsonNode body,
      int status,
      Duration after,
      Runnable completion) {
    String operationId = call.ids.uuidString();
    String clientContext =
        body.hasNonNull("clientContext") ? body.get("clientContext").asText() : null;
    ObjectNode operation = Json.object();
    operation.put("@odata.type", type);
    operation.put("id", operationId);
    operation.put("status", "running");
    if (clientContext != null) {
      operation.put("clientContext", clientContext);
    }
    call.operations.put(operationId, operation.deepCopy());
    simulation.after(
        after,
        () -> {
          synchronized (call) {
            if (call.state.equals("terminated")) {
              return;
            }
            if (completion != null) {
              completion.run();
            }
            ObjectNode done = call.operations.get(operationId);
            done.put("status", "completed");
            done.set(
                "resultInfo", notifications().resultInfo(200, 0, "Action completed successfully."));
            notifications()
                .notify(
                    call,
                    call.callbackUri,
                    "operation.completed",
                    GraphNotifications.notification(
                        "deleted",
                        call.resourceUrl() + "/operations/" + operationId,
                        done.deepCopy()));
          }
        });
    return Response.json(status, operation, GraphService.ODATA_JSON)
        .withHeader("Location", call.resourceUrl() + "/operations/" + operationId);
  }

  private static void requireEstablished(GraphCallState call, String action) {
    if (!call.state.equals("established")) {
      throw GraphException.invalid(
          "Call is in state '" + call.state + "'; " + action + " needs an established call.");
    }
  }

  private static Member member(GraphCallState call, String participantId) {
    return call.members.stream()
        .filter(m -> m.participantId().equals(participantId))
        .findFirst()
        .orElseThrow(
            () -> new GraphException(404, "8522", "Participant " + participantId + " not found."));
  }
}
