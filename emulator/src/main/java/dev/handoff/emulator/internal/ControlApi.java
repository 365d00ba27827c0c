package dev.handoff.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.AcsEndpoints;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.TrustMaterial;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP control API under {@code /_emulator}: the same operations as {@link
 * dev.handoff.emulator.control.EmulatorControl}, in JSON. Errors are {@code 400 {"error":"..."}}.
 */
public final class ControlApi {

  /**
   * What {@code GET /_emulator/info} returns.
   *
   * @param httpBaseUrl the plain-HTTP base URL
   * @param httpsBaseUrl the HTTPS base URL
   * @param acs the ACS endpoints
   * @param acsConnectionString the ACS connection string (HTTPS)
   * @param acsHttpConnectionString the ACS connection string (HTTP)
   * @param graph the Graph endpoints and credentials
   * @param eventGridWebhook the Event Grid webhook, or null
   * @param graphBotWebhook the Graph bot webhook, or null
   * @param seed the id seed
   * @param timeScale the time scale
   */
  public record Info(
      String httpBaseUrl,
      String httpsBaseUrl,
      AcsEndpoints acs,
      String acsConnectionString,
      String acsHttpConnectionString,
      GraphEndpoints graph,
      String eventGridWebhook,
      String graphBotWebhook,
      long seed,
      double timeScale) {}

  /** The body of {@code POST /_emulator/outcomes}. */
  record ScriptRequest(String target, Outcome outcome) {}

  /** The body of the webhook settings. */
  record UrlRequest(String url) {}

  /** The body of {@code POST /_emulator/acs/calls/{id}/invitations}. */
  record InvitationRequest(String target) {}

  private final EmulatorEngine engine;
  private final Supplier<Info> info;
  private final TrustMaterial trust;

  /** Creates the control API. */
  public ControlApi(EmulatorEngine engine, Supplier<Info> info, TrustMaterial trust) {
    this.engine = engine;
    this.info = info;
    this.trust = trust;
  }

  /** Handles one control request. */
  public Response handle(Request request) {
    try {
      return route(request);
    } catch (Json.InvalidJsonException e) {
      return error(400, "invalid JSON: " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      return error(400, e.getMessage());
    }
  }

  private Response route(Request request) {
    String method = request.method();
    String path = request.rawPath().substring("/_emulator".length());
    switch (method + " " + path) {
      case "GET ", "GET /", "GET /info":
        return json(200, info.get());
      case "GET /trust.pem":
        return Response.text(200, trust.certificatePem(), "application/x-pem-file");
      case "GET /truststore.p12":
        return new Response(
            200, Map.of("Content-Type", List.of("application/x-pkcs12")), trust.pkcs12());
      case "POST /acs/calls":
        return json(201, engine.createAcsCall(read(request, AcsCallSpec.class)));
      case "POST /acs/incoming-calls":
        return json(201, engine.createAcsIncomingCall(read(request, AcsIncomingCallSpec.class)));
      case "POST /graph/calls":
        return json(201, engine.createGraphCall(read(request, GraphCallSpec.class)));
      case "POST /graph/incoming-calls":
        return json(
            201, engine.createGraphIncomingCall(read(request, GraphIncomingCallSpec.class)));
      case "GET /outcomes":
        {
          ObjectNode body = Json.object();
          body.set("scripts", Json.tree(engine.scripts()));
          body.set("default", Json.tree(engine.fallbackOutcome()));
          return Response.json(200, body, "application/json");
        }
      case "POST /outcomes":
        {
          ScriptRequest script = read(request, ScriptRequest.class);
          if (script.target() == null || script.target().isBlank() || script.outcome() == null) {
            throw new IllegalArgumentException("a script needs a target and an outcome");
          }
          engine.script(script.target(), script.outcome());
          return Response.empty(204);
        }
      case "PUT /outcomes/default":
        engine.defaultOutcome(read(request, Outcome.class));
        return Response.empty(204);
      case "DELETE /outcomes":
        engine.clearScripts();
        return Response.empty(204);
      case "POST /faults":
        return json(201, Map.of("id", engine.injectFault(read(request, FaultRule.class))));
      case "POST /callback-faults":
        return json(
            201, Map.of("id", engine.injectCallbackFault(read(request, CallbackFault.class))));
      case "GET /faults":
        return json(200, Map.of("requests", engine.faults(), "callbacks", engine.callbackFaults()));
      case "DELETE /faults":
        engine.clearFaults();
        return Response.empty(204);
      case "GET /journal/requests":
        return json(200, engine.journal().requests());
      case "GET /journal/callbacks":
        return json(200, engine.journal().callbacks());
      case "GET /journal/experiences":
        return json(200, engine.journal().experiences());
      case "DELETE /journal":
        engine.journal().clear();
        return Response.empty(204);
      case "PUT /settings/event-grid-webhook":
        engine.eventGridWebhook(read(request, UrlRequest.class).url());
        return Response.empty(204);
      case "PUT /settings/graph-bot-webhook":
        engine.graphBotWebhook(read(request, UrlRequest.class).url());
        return Response.empty(204);
      case "GET /eventgrid/validate":
        {
          String code = request.queryParameters().get("code");
          return code != null && engine.validateEventGrid(code)
              ? Response.text(
                  200, "Webhook successfully validated as a subscription endpoint.", "text/plain")
              : error(404, "unknown validation code");
        }
      case "POST /reset":
        engine.reset();
        return Response.empty(204);
      default:
        break;
    }
    if (path.equals("/sink") || path.startsWith("/sink/")) {
      return sink(request);
    }
    if (method.equals("POST") && path.startsWith("/acs/calls/") && path.endsWith("/invitations")) {
      String id =
          decode(path.substring("/acs/calls/".length(), path.length() - "/invitations".length()));
      InvitationRequest invitation = read(request, InvitationRequest.class);
      if (invitation.target() == null || invitation.target().isBlank()) {
        throw new IllegalArgumentException("an invitation needs a target raw id");
      }
      return json(201, Map.of("invitationId", engine.inviteToAcsCall(id, invitation.target())));
    }
    if (method.equals("POST") && path.startsWith("/gates/") && path.endsWith("/open")) {
      engine.openGate(decode(path.substring("/gates/".length(), path.length() - "/open".length())));
      return Response.empty(204);
    }
    if (method.equals("DELETE") && path.startsWith("/faults/")) {
      String id = decode(path.substring("/faults/".length()));
      return engine.removeFault(id) ? Response.empty(204) : error(404, "no fault " + id);
    }
    if (method.equals("GET") && path.startsWith("/acs/calls/")) {
      String id = decode(path.substring("/acs/calls/".length()));
      return engine
          .acsCallState(id)
          .map(state -> json(200, Map.of("callConnectionId", id, "state", state)))
          .orElseGet(() -> error(404, "no ACS call " + id));
    }
    if (method.equals("GET") && path.startsWith("/graph/calls/")) {
      String id = decode(path.substring("/graph/calls/".length()));
      return engine
          .graphCallState(id)
          .map(state -> json(200, Map.of("callId", id, "state", state)))
          .orElseGet(() -> error(404, "no Graph call " + id));
    }
    return error(404, "the control API has no " + method + " " + request.rawPath());
  }

  /**
   * The emulator's own callback receiver: accepts any delivery with 200, and answers an Event Grid
   * subscription validation with its code, so that callbacks and incoming calls work without an
   * application listening (what arrived is in the callback journal).
   */
  private static Response sink(Request request) {
    if (!request.method().equals("POST")) {
      return Response.empty(200);
    }
    JsonNode events;
    try {
      events = Json.parse(request.body());
    } catch (Json.InvalidJsonException notJson) {
      return Response.empty(200);
    }
    JsonNode first = events != null && events.isArray() ? events.path(0) : events;
    if (first != null
        && "Microsoft.EventGrid.SubscriptionValidationEvent"
            .equals(first.path("eventType").asText())) {
      ObjectNode answer = Json.object();
      answer.put("validationResponse", first.path("data").path("validationCode").asText());
      return Response.json(200, answer, "application/json");
    }
    return Response.empty(200);
  }

  private static <T> T read(Request request, Class<T> type) {
    JsonNode body = Json.parse(request.body());
    try {
      return Json.mapper().treeToValue(body, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(
          "invalid "
              + type.getSimpleName()
              + ": "
              + (cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage()),
          e);
    }
  }

  private static Response json(int status, Object value) {
    return Response.json(status, Json.tree(value), "application/json");
  }

  private static Response error(int status, String message) {
    ObjectNode body = Json.object();
    body.put("error", message == null ? "bad request" : message);
    return Response.json(status, body, "application/json");
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
