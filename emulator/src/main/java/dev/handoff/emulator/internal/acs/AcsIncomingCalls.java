package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Incoming calls: announced through Event Grid with an {@code incomingCallContext}, which one
 * redirect consumes.
 */
final class AcsIncomingCalls {

  private record IncomingAcsCall(
      String context,
      AcsIdentifier from,
      AcsIdentifier to,
      String serverCallId,
      String correlationId) {}

  private final Simulation simulation;
  private final Map<String, IncomingAcsCall> incoming = new ConcurrentHashMap<>();
  private final EventGridPublisher eventGrid;

  AcsIncomingCalls(Simulation simulation) {
    this.simulation = simulation;
    this.eventGrid = new EventGridPublisher(simulation, null);
  }

  EventGridPublisher eventGrid() {
    return eventGrid;
  }

  AcsResult redirect(JsonNode body) {
    String context = body.get("incomingCallContext").asText();
    AcsIdentifier target = AcsIdentifier.fromModel(body.get("target"), "target");
    if (!context.startsWith("emulator.")) {
      throw AcsException.invalid(
          "incomingCallContext", "is not an incoming call context this resource issued");
    }
    IncomingAcsCall call = incoming.remove(context);
    if (call == null) {
      throw AcsException.callNotFound();
    }
    if (target instanceof AcsIdentifier.CommunicationUser
        && target.rawId().contains(simulation.settings().acsResourceId())
        && eventGrid.webhook() != null) {
      simulation.after(
          Duration.ZERO,
          () -> announce(call.from(), target, null, null, null, null, call.correlationId()));
    }
    return new AcsResult(Response.empty(204), call.correlationId());
  }

  /** Announces an incoming call through Event Grid and returns its incoming call context. */
  AcsIncomingCall createIncomingCall(AcsIncomingCallSpec spec) {
    if (eventGrid.webhook() == null) {
      throw new IllegalStateException(
          "no Event Grid webhook is configured: set eventGridWebhook before creating incoming calls");
    }
    AcsIdentifier from = AcsIdentifier.fromRawId(spec.from());
    AcsIdentifier to = AcsIdentifier.fromRawId(spec.to());
    IncomingAcsCall call =
        announce(
            from,
            to,
            spec.callerDisplayName(),
            spec.sipHeaders(),
            spec.voipHeaders(),
            spec.teamsPhoneCallDetails(),
            null);
    return new AcsIncomingCall(call.context(), call.serverCallId(), call.correlationId());
  }

  private IncomingAcsCall announce(
      AcsIdentifier from,
      AcsIdentifier to,
      String displayName,
      Map<String, String> sip,
      Map<String, String> voip,
      JsonNode teamsPhoneCallDetails,
      String correlationId) {
    IdSource ids = simulation.ids().child();
    String context = "emulator." + ids.token(48);
    IncomingAcsCall call =
        new IncomingAcsCall(
            context,
            from,
            to,
            AcsCallConnection.newServerCallId(ids),
            correlationId != null ? correlationId : ids.uuidString());
    incoming.put(context, call);
    ObjectNode data = Json.object();
    data.set("to", to.toJson());
    data.set("from", from.toJson());
    data.put("serverCallId", call.serverCallId());
    data.put("callerDisplayName", displayName == null ? "" : displayName);
    if (sip != null || voip != null || teamsPhoneCallDetails != null) {
      ObjectNode custom = data.putObject("customContext");
      ObjectNode sipNode = custom.putObject("sipHeaders");
      if (sip != null) {
        sip.forEach(sipNode::put);
      }
      ObjectNode voipNode = custom.putObject("voipHeaders");
      if (voip != null) {
        voip.forEach(voipNode::put);
      }
      if (teamsPhoneCallDetails != null) {
        custom.set("teamsPhoneCallDetails", teamsPhoneCallDetails.deepCopy());
      }
    }
    data.put("incomingCallContext", context);
    data.put("correlationId", call.correlationId());
    eventGrid.publish(
        "Microsoft.Communication.IncomingCall",
        "/caller/" + from.rawId() + "/recipient/" + to.rawId(),
        data,
        null);
    return call;
  }

  /** Forgets every incoming call and Event Grid handshake. */
  void reset() {
    incoming.clear();
    eventGrid.reset();
  }
}
