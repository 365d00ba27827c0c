package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.http.Endpoint;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.http.Route;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.PageTokens;
import dev.handoff.emulator.internal.state.Simulation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated Microsoft Graph cloud-communications API (v1.0 and beta): transfer, participants
 * invite, redirect, get call, get participants and get operation, with bearer tokens from the
 * emulator's own token endpoint, Graph's error shape, and commsNotifications in the documented
 * sequences.
 */
public final class GraphService implements Endpoint {

  /** The content type Graph answers JSON with. */
  static final String ODATA_JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

  private static final Pattern CALL_ACTION =
      Pattern.compile(
          "^/(v1\\.0|beta)/communications/calls/([^/]+)/(transfer|participants/invite|redirect)$");
  private static final Pattern CALL =
      Pattern.compile("^/(v1\\.0|beta)/communications/calls/([^/]+)$");
  private static final Pattern CALLS = Pattern.compile("^/(v1\\.0|beta)/communications/calls$");
  private static final Pattern HOLD_MUSIC =
      Pattern.compile(
          "^/(v1\\.0|beta)/communications/calls/([^/]+)/participants/([^/]+)/"
              + "(startHoldMusic|stopHoldMusic)$");
  private static final Pattern PLAY_PROMPT =
      Pattern.compile("^/(v1\\.0|beta)/communications/calls/([^/]+)/playPrompt$");
  private static final Pattern PARTICIPANTS =
      Pattern.compile("^/(v1\\.0|beta)/communications/calls/([^/]+)/participants$");
  private static final Pattern PARTICIPANT =
      Pattern.compile("^/(v1\\.0|beta)/communications/calls/([^/]+)/participants/([^/]+)$");
  private static final Pattern OPERATION =
      Pattern.compile("^/(v1\\.0|beta)/communications/calls/([^/]+)/operations/([^/]+)$");
  private static final DateTimeFormatter INNER_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String INITIATE = "Calls.Initiate.All";
  private static final String INITIATE_GROUP = "Calls.InitiateGroupCall.All";

  private final Simulation simulation;
  private final GraphCallFlows flows;
  private final GraphHandoffFlows handoffs;
  private final GraphParticipants participants;

  /** Creates the service. */
  public GraphService(Simulation simulation) {
    this.simulation = simulation;
    this.flows = new GraphCallFlows(simulation);
    this.handoffs = new GraphHandoffFlows(simulation, flows);
    this.participants =
        new GraphParticipants(
            flows,
            new PageTokens("graph", simulation.settings().seed()),
            simulation.settings().participantPageSize());
    if (simulation.settings().graphBotWebhook() != null) {
      botWebhook(simulation.settings().graphBotWebhook());
    }
  }

  // ---------------------------------------------------------------- routing

  @Override
  public Optional<Route> route(Request request) {
    String path = request.rawPath();
    if (!path.startsWith("/v1.0/") && !path.startsWith("/beta/")) {
      return Optional.empty();
    }
    String method = request.method();
    Matcher m;
    if (method.equals("POST") && (m = CALL_ACTION.matcher(path)).matches()) {
      boolean beta = m.group(1).equals("beta");
      String id = decode(m.group(2));
      return switch (m.group(3)) {
        case "transfer" ->
            Optional.of(
                route(
                    "graph.transfer",
                    r -> call(r, INITIATE, () -> flows.transfer(id, body(r), beta))));
        case "redirect" ->
            Optional.of(
                route(
                    "graph.redirect",
                    r -> call(r, INITIATE, () -> flows.redirect(id, body(r), beta))));
        default -> {
          String version = m.group(1);
          yield Optional.of(
              route(
                  "graph.invite",
                  r ->
                      call(
                          r,
                          INITIATE_GROUP,
                          () -> flows.invite(id, body(r), r.baseUrl(), version))));
        }
      };
    }
    if (method.equals("GET") && (m = CALL.matcher(path)).matches()) {
      String id = decode(m.group(2));
      return Optional.of(route("graph.getCall", r -> call(r, null, () -> flows.get(id))));
    }
    Optional<Route> handoff = handoffRoute(method, path);
    if (handoff.isPresent()) {
      return handoff;
    }
    if (method.equals("GET") && (m = PARTICIPANTS.matcher(path)).matches()) {
      String version = m.group(1);
      String id = decode(m.group(2));
      return Optional.of(
          route(
              "graph.getParticipants",
              r ->
                  call(
                      r,
                      null,
                      () ->
                          participants.list(
                              id,
                              version,
                              r.queryParameterIgnoringCase(GraphParticipants.SKIP_TOKEN),
                              nextLinkPrefix(r)))));
    }
    if (method.equals("GET") && (m = PARTICIPANT.matcher(path)).matches()) {
      String id = decode(m.group(2));
      String participantId = decode(m.group(3));
      return Optional.of(
          route(
              "graph.getParticipant",
              r -> call(r, null, () -> participants.one(id, participantId))));
    }
    if (method.equals("GET") && (m = OPERATION.matcher(path)).matches()) {
      String id = decode(m.group(2));
      String operationId = decode(m.group(3));
      return Optional.of(
          route("graph.getOperation", r -> call(r, null, () -> flows.operation(id, operationId))));
    }
    return Optional.of(
        route(
            "graph.unsupported",
            r ->
                call(
                    r,
                    null,
                    () -> {
                      throw GraphException.badRequest(
                          "Resource not found for the segment '"
                              + path.substring(path.lastIndexOf('/') + 1)
                              + "'.");
                    })));
  }

  /** The routes of the bot's own calls and media, which a warm handoff uses. */
  private Optional<Route> handoffRoute(String method, String path) {
    Matcher m;
    if (method.equals("POST") && CALLS.matcher(path).matches()) {
      return Optional.of(
          route("graph.createCall", r -> call(r, INITIATE, () -> handoffs.createCall(body(r)))));
    }
    if (method.equals("DELETE") && (m = CALL.matcher(path)).matches()) {
      String id = decode(m.group(2));
      return Optional.of(route("graph.deleteCall", r -> call(r, null, () -> handoffs.delete(id))));
    }
    if (method.equals("POST") && (m = HOLD_MUSIC.matcher(path)).matches()) {
      String id = decode(m.group(2));
      String participantId = decode(m.group(3));
      boolean start = m.group(4).equals("startHoldMusic");
      return Optional.of(
          route(
              start ? "graph.startHoldMusic" : "graph.stopHoldMusic",
              r ->
                  call(
                      r,
                      null,
                      () ->
                          start
                              ? handoffs.startHoldMusic(id, participantId, body(r))
                              : handoffs.stopHoldMusic(id, participantId, body(r)))));
    }
    if (method.equals("POST") && (m = PLAY_PROMPT.matcher(path)).matches()) {
      String id = decode(m.group(2));
      return Optional.of(
          route("graph.playPrompt", r -> call(r, null, () -> handoffs.playPrompt(id, body(r)))));
    }
    return Optional.empty();
  }

  private Route route(String operation, Function<Request, Response> handler) {
    return new Route(operation, handler, this::faultResponse);
  }

  private Response faultResponse(FaultAction.Error fault) {
    String code =
        switch (fault.status()) {
          case 429 -> "TooManyRequests";
          case 503 -> "ServiceUnavailable";
          case 504 -> "GatewayTimeout";
          case 500 -> "InternalServerError";
          default -> "UnknownError";
        };
    String requestId = simulation.ids().uuidString();
    Response response =
        Response.json(
                fault.status(),
                errorBody(code, "Injected fault " + fault.status() + ".", requestId, requestId),
                ODATA_JSON)
            .withHeader("request-id", requestId)
            .withHeader("client-request-id", requestId);
    return fault.retryAfterSeconds() == null
        ? response
        : response.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  /** The collection's own absolute URL on the base URL it was asked on, ready for a page token. */
  private static String nextLinkPrefix(Request request) {
    return request.baseUrl() + request.rawPath() + "?" + GraphParticipants.SKIP_TOKEN + "=";
  }

  // ---------------------------------------------------------------- request pipeline

  private Response call(Request request, String requiredRole, Supplier<Response> operation) {
    String requestId = simulation.ids().uuidString();
    String clientRequestId = request.header("client-request-id").orElse(requestId);
    Response response;
    try {
      authorize(request, requiredRole);
      response = operation.get();
    } catch (GraphException e) {
      response =
          Response.json(
              e.status(),
              errorBody(e.code(), e.getMessage(), requestId, clientRequestId),
              ODATA_JSON);
      if (e.status() == 401) {
        response =
            response.withHeader(
                "WWW-Authenticate",
                "Bearer realm=\"\", authorization_uri=\"\", client_id=\"00000003-0000-0000-c000-000000000000\"");
      }
    }
    return response
        .withHeader("request-id", requestId)
        .withHeader("client-request-id", clientRequestId);
  }

  private ObjectNode errorBody(
      String code, String message, String requestId, String clientRequestId) {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", INNER_DATE.format(simulation.settings().clock().instant()));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    return body;
  }

  private void authorize(Request request, String requiredRole) {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isEmpty() || authorization.get().isBlank()) {
      throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    String value = authorization.get();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
    }
    JWTClaimsSet claims;
    try {
      claims =
          simulation
              .tokens()
              .verifyAccessToken(
                  value.substring(7).trim(),
                  simulation.settings().graphTenantId(),
                  TokenService.GRAPH_AUDIENCE,
                  "00000003-0000-0000-c000-000000000000");
    } catch (TokenService.InvalidTokenException e) {
      throw new GraphException(
          401,
          "InvalidAuthenticationToken",
          "Access token validation failure: " + e.getMessage() + ".");
    }
    if (requiredRole != null) {
      List<String> roles;
      try {
        roles = claims.getStringListClaim("roles");
      } catch (ParseException e) {
        roles = List.of();
      }
      if (roles == null || !roles.contains(requiredRole)) {
        throw new GraphException(
            403,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation. This operation needs the application permission "
                + requiredRole
                + ".");
      }
    }
  }

  private static JsonNode body(Request request) {
    try {
      return Json.parse(request.body());
    } catch (Json.InvalidJsonException e) {
      throw GraphException.badRequest("Unable to read JSON request payload. " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- control

  /** Changes the bot's registered calling webhook ({@code null} for none). */
  public void botWebhook(String url) {
    flows.botWebhook(url);
  }

  /** The bot's registered calling webhook, or {@code null}. */
  public String botWebhook() {
    return flows.botWebhook();
  }

  /** Creates an established call of the bot. */
  public GraphCall createCall(GraphCallSpec spec) {
    return flows.createCall(spec);
  }

  /** Creates an incoming call and sends its {@code created} notification. */
  public GraphIncomingCall createIncomingCall(GraphIncomingCallSpec spec) {
    return flows.createIncomingCall(spec);
  }

  /** The state of a call ({@code established}, ...), if it exists. */
  public Optional<String> callState(String callId) {
    return flows.callState(callId);
  }

  /** Forgets every call. */
  public void reset() {
    flows.reset();
  }
}
