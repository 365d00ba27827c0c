package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.callback.OutgoingCallback;
import dev.handoff.emulator.internal.graph.GraphCallState.Member;
import dev.handoff.emulator.internal.http.Endpoint;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.http.Route;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.Simulation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated Microsoft Graph cloud-communications API (v1.0 and beta): transfer, participants
 * invite, redirect, get call and get operation, with bearer tokens from the emulator's own token
 * endpoint, Graph's error shape, and commsNotifications in the documented sequences.
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
  private static final Pattern OPERATION =
      Pattern.compile("^/(v1\\.0|beta)/communications/calls/([^/]+)/operations/([^/]+)$");
  private static final DateTimeFormatter INNER_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String INITIATE = "Calls.Initiate.All";
  private static final String INITIATE_GROUP = "Calls.InitiateGroupCall.All";

  private final Simulation simulation;
  private final Map<String, GraphCallState> calls = new ConcurrentHashMap<>();
  private volatile String botWebhook;

  /** Creates the service. */
  public GraphService(Simulation simulation) {
    this.simulation = simulation;
    if (simulation.settings().graphBotWebhook() != null) {
      botWebhook(simulation.settings().graphBotWebhook());
    }
  }

  /** Changes the bot's registered calling webhook ({@code null} for none). */
  public void botWebhook(String url) {
    try {
      this.botWebhook = url == null ? null : GraphRequests.callbackUri(url, "graphBotWebhook");
    } catch (GraphException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The bot's registered calling webhook, or {@code null}. */
  public String botWebhook() {
    return botWebhook;
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
                route("graph.transfer", r -> call(r, INITIATE, () -> transfer(id, r, beta))));
        case "redirect" ->
            Optional.of(
                route("graph.redirect", r -> call(r, INITIATE, () -> redirect(id, r, beta))));
        default -> {
          String version = m.group(1);
          yield Optional.of(
              route("graph.invite", r -> call(r, INITIATE_GROUP, () -> invite(id, r, version))));
        }
      };
    }
    if (method.equals("GET") && (m = CALL.matcher(path)).matches()) {
      String id = decode(m.group(2));
      return Optional.of(route("graph.getCall", r -> call(r, null, () -> get(id))));
    }
    if (method.equals("GET") && (m = OPERATION.matcher(path)).matches()) {
      String id = decode(m.group(2));
      String operationId = decode(m.group(3));
      return Optional.of(
          route("graph.getOperation", r -> call(r, null, () -> operation(id, operationId))));
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

  private GraphCallState existing(String id) {
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

  // ---------------------------------------------------------------- operations

  private Response transfer(String callId, Request request, boolean beta) {
    GraphCallState call = existing(callId);
    JsonNode body = body(request);
    GraphRequests.checkTransfer(body, beta);
    JsonNode target = body.get("transferTarget");
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
      simulation.after(Duration.ZERO, () -> notifyState(call, "transferring", null));
      simulation.after(
          ringTime(outcome),
          () -> completeTransfer(call, transferred, outcome, replacesCallId, replaced));
    }
    return Response.empty(202);
  }

  private void completeTransfer(
      GraphCallState call,
      Member transferee,
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
        notifyState(call, "transferAccepted", null);
        if (call.group) {
          call.members.remove(transferee);
          call.state = "established";
          notifyState(call, "established", null);
          notifyRoster(call);
        } else {
          call.state = "terminated";
          ObjectNode extra = Json.object();
          if (consultative) {
            extra.put("terminationReason", "AppTransferred");
          } else {
            extra.set("resultInfo", resultInfo(0, 7015, "GracefulTransferCompleted"));
          }
          notify(
              call,
              call.callbackUri,
              "call.terminated",
              notification("deleted", call.resourceUrl(), callData(call, "terminated", extra)));
        }
      } else {
        call.state = "established";
        ObjectNode extra = Json.object();
        if (outcome.kind() == Outcome.Kind.FAIL) {
          extra.set(
              "resultInfo",
              resultInfo(outcome.code(), outcome.subCode(), message(outcome, "Transfer failed.")));
        } else {
          int subcode = consultative ? 7700 : 7000;
          extra.set(
              "resultInfo",
              resultInfo(
                  500,
                  subcode,
                  failureReason(outcome, replaceable) + " DiagCode: 500#" + subcode + ".@"));
        }
        if (consultative) {
          extra.put("replacesContext", call.ids.uuidString());
        }
        notifyState(call, "established", extra);
      }
    }
    if (outcome.succeeds() && consultative && replaceable) {
      synchronized (replaced) {
        replaced.state = "terminated";
        ObjectNode extra = Json.object();
        extra.put("terminationReason", "AppTransferred");
        notify(
            replaced,
            replaced.callbackUri,
            "call.terminated",
            notification(
                "deleted", replaced.resourceUrl(), callData(replaced, "terminated", extra)));
      }
    }
  }

  private Response invite(String callId, Request request, String version) {
    GraphCallState call = existing(callId);
    JsonNode body = body(request);
    GraphRequests.checkInvite(body);
    JsonNode participants = body.get("participants");
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
        copy.set("identity", withTenant(participant.get("identity"), call.tenantId));
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
        request.baseUrl()
            + "/"
            + version
            + "/communications/calls/"
            + call.id
            + "/operations/"
            + operationId;
    return Response.json(200, operation, ODATA_JSON).withHeader("Location", location);
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
        operation.set("resultInfo", resultInfo(200, 0, "OK"));
        for (JsonNode participant : invited) {
          call.members.add(
              new Member(
                  call.ids.uuidString(), withTenant(participant.get("identity"), call.tenantId)));
        }
      } else {
        operation.put("status", "failed");
        String identity = String.join(",", GraphIdentities.keys(invited.get(0).get("identity")));
        operation.set(
            "resultInfo",
            switch (outcome.kind()) {
              case DECLINE ->
                  resultInfo(
                      603,
                      8538,
                      "addParticipants failed for participant "
                          + identity
                          + ". Underlying reason: The callee declined the call. DiagCode: 603#8538.@");
              case BUSY ->
                  resultInfo(
                      486,
                      8539,
                      "addParticipants failed for participant "
                          + identity
                          + ". Underlying reason: The callee is busy. DiagCode: 486#8539.@");
              case NO_ANSWER ->
                  resultInfo(
                      408,
                      10037,
                      "addParticipants failed for participant "
                          + identity
                          + ". Underlying reason: The callee did not answer. DiagCode: 408#10037.@");
              default ->
                  resultInfo(
                      outcome.code(),
                      outcome.subCode(),
                      message(outcome, "addParticipants failed for participant " + identity + "."));
            });
      }
      ObjectNode data = operation.deepCopy();
      notify(
          call,
          call.callbackUri,
          "operation." + operation.get("status").asText(),
          notification("deleted", call.resourceUrl() + "/operations/" + operationId, data));
      if (outcome.succeeds()) {
        notifyRoster(call);
        replaced = replacesCallId == null ? null : calls.get(replacesCallId);
      }
    }
    if (replaced != null) {
      synchronized (replaced) {
        if (!replaced.state.equals("terminated")) {
          replaced.state = "terminated";
          notify(
              replaced,
              replaced.callbackUri,
              "call.terminated",
              notification(
                  "deleted", replaced.resourceUrl(), callData(replaced, "terminated", null)));
        }
      }
    }
  }

  private Response redirect(String callId, Request request, boolean beta) {
    GraphCallState call = calls.get(callId);
    if (call == null) {
      throw GraphException.callNotFound();
    }
    JsonNode body = body(request);
    GraphRequests.checkRedirect(body, beta);
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
              call.state = "terminated";
              notify(
                  call,
                  url,
                  "call.terminated",
                  notification("deleted", call.resourceUrl(), callData(call, "terminated", null)));
            }
          });
    }
    return Response.empty(202);
  }

  private Response get(String callId) {
    GraphCallState call = existing(callId);
    synchronized (call) {
      return Response.json(200, callResource(call), ODATA_JSON);
    }
  }

  private Response operation(String callId, String operationId) {
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
      return Response.json(200, copy, ODATA_JSON);
    }
  }

  // ---------------------------------------------------------------- notifications

  private void notifyState(GraphCallState call, String state, ObjectNode extra) {
    notify(
        call,
        call.callbackUri,
        "call." + state,
        notification("updated", call.resourceUrl(), callData(call, state, extra)));
  }

  private void notifyRoster(GraphCallState call) {
    ArrayNode roster = Json.array();
    roster.add(participant(call.myParticipantId, call.botIdentity));
    call.members.forEach(
        member -> roster.add(participant(member.participantId(), member.identity())));
    notify(
        call,
        call.callbackUri,
        "participants.updated",
        notification("updated", call.resourceUrl() + "/participants", roster));
  }

  private static ObjectNode participant(String id, ObjectNode identity) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.participant");
    node.put("id", id);
    ObjectNode info = node.putObject("info");
    info.put("@odata.type", "#microsoft.graph.participantInfo");
    info.set("identity", identity);
    info.put("endpointType", "default");
    node.putArray("mediaStreams");
    node.put("isMuted", false);
    node.put("isInLobby", false);
    return node;
  }

  private static ObjectNode callData(GraphCallState call, String state, ObjectNode extra) {
    ObjectNode data = Json.object();
    data.put("@odata.type", "#microsoft.graph.call");
    data.put("@odata.id", call.resourceUrl());
    data.put("id", call.id);
    data.put("state", state);
    data.put("callChainId", call.callChainId);
    if (extra != null) {
      data.setAll(extra);
    }
    return data;
  }

  private static ObjectNode notification(
      String changeType, String resourceUrl, JsonNode resourceData) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.commsNotification");
    node.put("changeType", changeType);
    node.put("resourceUrl", resourceUrl);
    node.set("resourceData", resourceData);
    return node;
  }

  private void notify(GraphCallState call, String url, String event, ObjectNode notification) {
    ObjectNode envelope = Json.object();
    envelope.put("@odata.type", "#microsoft.graph.commsNotifications");
    envelope.putArray("value").add(notification);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(
        "Authorization",
        "Bearer "
            + simulation
                .tokens()
                .graphCallbackToken(simulation.settings().graphBotAppId(), call.tenantId));
    headers.put("User-Agent", "Microsoft-Skype/3.0,(Calling/1.0)");
    headers.put("Scenario-ID", call.ids.uuidString());
    headers.put("X-Microsoft-Skype-Chain-ID", call.callChainId);
    headers.put("X-Microsoft-Skype-Message-ID", call.ids.uuidString());
    simulation
        .dispatcher()
        .send(
            new OutgoingCallback(
                "graph",
                event,
                call.id,
                "graph:" + call.id,
                url,
                headers,
                Json.string(envelope),
                null));
  }

  private ObjectNode resultInfo(int code, int subcode, String message) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.resultInfo");
    node.put("code", code);
    node.put(simulation.settings().graphSubCodeCamelCase() ? "subCode" : "subcode", subcode);
    node.put("message", message);
    return node;
  }

  private ObjectNode callResource(GraphCallState call) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.call");
    node.put("id", call.id);
    node.put("state", call.state);
    node.put("direction", call.direction);
    node.put("callbackUri", call.callbackUri);
    node.put("tenantId", call.tenantId);
    node.put("myParticipantId", call.myParticipantId);
    node.put("callChainId", call.callChainId);
    node.putArray("requestedModalities").add("audio");
    ObjectNode source = node.putObject("source");
    source.put("@odata.type", "#microsoft.graph.participantInfo");
    source.set("identity", call.direction.equals("incoming") ? call.source : call.botIdentity);
    ArrayNode targets = node.putArray("targets");
    if (call.direction.equals("incoming")) {
      targets.add(invitation(call.botIdentity, call.myParticipantId));
    } else {
      call.members.forEach(
          member -> targets.add(invitation(member.identity(), member.participantId())));
    }
    return node;
  }

  private static ObjectNode invitation(ObjectNode identity, String participantId) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
    node.set("identity", identity);
    node.put("endpointType", "default");
    node.put("id", participantId);
    return node;
  }

  private static ObjectNode withTenant(JsonNode identitySet, String tenantId) {
    ObjectNode copy = identitySet.deepCopy();
    JsonNode user = copy.get("user");
    if (user != null && user.isObject()) {
      ObjectNode u = (ObjectNode) user;
      if (!u.has("tenantId")) {
        u.put("tenantId", tenantId);
      }
      if (!u.has("identityProvider")) {
        u.put("identityProvider", "AAD");
      }
    }
    return copy;
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

  // ---------------------------------------------------------------- control

  /** Creates an established call of the bot. */
  public GraphCall createCall(GraphCallSpec spec) {
    String callbackUri = callbackOrWebhook(spec.callbackUri());
    IdSource ids = simulation.ids().child();
    String tenant = simulation.settings().graphTenantId();
    ObjectNode bot =
        GraphIdentities.parse("application:" + simulation.settings().graphBotAppId(), tenant);
    GraphCallState call =
        new GraphCallState(
            ids.uuidString(),
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
    List<GraphCall.Participant> handles = new ArrayList<>();
    for (String participant : spec.participants()) {
      Member member = new Member(ids.uuidString(), GraphIdentities.parse(participant, tenant));
      call.members.add(member);
      handles.add(new GraphCall.Participant(member.participantId(), participant));
    }
    calls.put(call.id, call);
    return new GraphCall(call.id, call.myParticipantId, handles);
  }

  /** Creates an incoming call and sends its {@code created} notification. */
  public GraphIncomingCall createIncomingCall(GraphIncomingCallSpec spec) {
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
      ObjectNode resource = callResource(call);
      ObjectNode incomingContext = resource.putObject("incomingContext");
      incomingContext.put("sourceParticipantId", call.members.get(0).participantId());
      notify(
          call,
          callbackUri,
          "call.incoming",
          notification("created", call.resourceUrl(), resource));
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
  public Optional<String> callState(String callId) {
    GraphCallState call = calls.get(callId);
    if (call == null) {
      return Optional.empty();
    }
    synchronized (call) {
      return Optional.of(call.state);
    }
  }

  /** Forgets every call. */
  public void reset() {
    calls.clear();
  }
}
