package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.http.Endpoint;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.http.Route;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.json.SwaggerSchemas;
import dev.handoff.emulator.internal.json.Violation;
import dev.handoff.emulator.internal.state.PageTokens;
import dev.handoff.emulator.internal.state.Simulation;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated ACS Call Automation service: transfer, add participant, cancel add participant,
 * redirect, get call and get participants, with HMAC or bearer authentication, repeatability,
 * strict validation against the 2026-03-12 spec, and the callback events of each flow.
 */
public final class AcsService implements Endpoint {

  private static final Pattern TRANSFER =
      Pattern.compile("^/calling/callConnections/([^/:]+):transferToParticipant$");
  private static final Pattern ADD =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants:add$");
  private static final Pattern CANCEL =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants:cancelAddParticipant$");
  private static final Pattern GET = Pattern.compile("^/calling/callConnections/([^/:]+)$");
  private static final Pattern HOLD = Pattern.compile("^/calling/callConnections/([^/:]+):hold$");
  private static final Pattern UNHOLD =
      Pattern.compile("^/calling/callConnections/([^/:]+):unhold$");
  private static final Pattern PLAY = Pattern.compile("^/calling/callConnections/([^/:]+):play$");
  private static final Pattern REMOVE =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants:remove$");
  private static final Pattern GET_PARTICIPANTS =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants$");
  private static final Pattern GET_PARTICIPANT =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants/([^/]+)$");
  private static final String REDIRECT = "/calling/callConnections:redirect";
  private static final String HMAC_FAILED = "HMAC-SHA256 validation failed";

  private final Simulation simulation;
  private final SwaggerSchemas schemas;
  private final HmacVerifier hmac;
  private final Repeatability repeatability = new Repeatability();
  private final AcsCallFlows flows;
  private final AcsParticipantList participants;
  private final AcsIncomingCalls incoming;
  private final AcsHandoffFlows handoffs;

  /** Creates the service. */
  public AcsService(Simulation simulation, SwaggerSchemas schemas) {
    this.simulation = simulation;
    this.schemas = schemas;
    this.hmac =
        new HmacVerifier(
            simulation.settings().acsAccessKey(),
            simulation.settings().clock(),
            simulation.settings().hmacClockSkew());
    this.flows = new AcsCallFlows(simulation);
    this.participants =
        new AcsParticipantList(
            flows,
            new PageTokens("acs", simulation.settings().seed()),
            simulation.settings().participantPageSize());
    this.handoffs = new AcsHandoffFlows(simulation, flows);
    this.incoming = new AcsIncomingCalls(simulation);
    if (simulation.settings().eventGridWebhook() != null) {
      eventGridWebhook(simulation.settings().eventGridWebhook());
    }
  }

  /** Sets the base URL put into Event Grid validation URLs. */
  public void baseUrl(String baseUrl) {
    incoming.eventGrid().baseUrl(baseUrl);
  }

  /** Changes the Event Grid webhook that IncomingCall events go to ({@code null} for none). */
  public void eventGridWebhook(String url) {
    try {
      incoming
          .eventGrid()
          .webhook(url == null ? null : AcsRules.checkCallbackUri(url, "eventGridWebhook"));
    } catch (AcsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The Event Grid webhook, or {@code null}. */
  public String eventGridWebhook() {
    return incoming.eventGrid().webhook();
  }

  /** Completes an Event Grid validation handshake through its validation URL. */
  public boolean validateEventGrid(String code) {
    return incoming.eventGrid().validateByUrl(code);
  }

  // ---------------------------------------------------------------- routing

  @Override
  public Optional<Route> route(Request request) {
    String path = request.rawPath();
    if (!path.startsWith("/calling/")) {
      return Optional.empty();
    }
    String method = request.method();
    if (method.equals("GET") && path.equals("/calling/.well-known/acsopenidconfiguration")) {
      return Optional.of(route("acs.openidConfiguration", r -> openIdConfiguration(r)));
    }
    if (method.equals("GET") && path.equals("/calling/keys")) {
      return Optional.of(
          route("acs.jwks", r -> Response.json(200, Json.tree(simulation.tokens().jwks()))));
    }
    Matcher m;
    if (method.equals("POST") && (m = TRANSFER.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route(
              "acs.transfer",
              r ->
                  call(
                      r, true, () -> flows.transfer(id, body(r, "TransferToParticipantRequest")))));
    }
    if (method.equals("POST") && (m = ADD.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route(
              "acs.addParticipant",
              r -> call(r, true, () -> flows.add(id, body(r, "AddParticipantRequest")))));
    }
    if (method.equals("POST") && (m = CANCEL.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route(
              "acs.cancelAddParticipant",
              r -> call(r, true, () -> flows.cancel(id, body(r, "CancelAddParticipantRequest")))));
    }
    if (method.equals("POST") && path.equals(REDIRECT)) {
      return Optional.of(
          route(
              "acs.redirect",
              r -> call(r, true, () -> incoming.redirect(body(r, "RedirectCallRequest")))));
    }
    if (method.equals("GET") && (m = GET.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(route("acs.getCall", r -> call(r, false, () -> flows.get(id))));
    }
    Optional<Route> handoff = handoffRoute(method, path);
    if (handoff.isPresent()) {
      return handoff;
    }
    if (method.equals("GET") && (m = GET_PARTICIPANTS.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route(
              "acs.getParticipants",
              r ->
                  call(
                      r,
                      false,
                      () ->
                          participants.page(
                              id,
                              r.queryParameterIgnoringCase(AcsParticipantList.SKIP_TOKEN),
                              nextLinkPrefix(r)))));
    }
    if (method.equals("GET") && (m = GET_PARTICIPANT.matcher(path)).matches()) {
      String id = decode(m.group(1));
      String rawId = decode(m.group(2));
      return Optional.of(
          route("acs.getParticipant", r -> call(r, false, () -> participants.one(id, rawId))));
    }
    return Optional.of(
        route(
            "acs.unsupported",
            r ->
                headers(
                    r,
                    Response.json(
                        404,
                        AcsException.body(
                            "8520",
                            "The emulator does not implement "
                                + r.method()
                                + " "
                                + r.rawPath()
                                + ".")),
                    null)));
  }

  /** The routes of a warm handoff's actions; none of them carries repeatability but removal. */
  private Optional<Route> handoffRoute(String method, String path) {
    Matcher m;
    if (method.equals("POST") && (m = HOLD.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route("acs.hold", r -> call(r, false, () -> handoffs.hold(id, body(r, "HoldRequest")))));
    }
    if (method.equals("POST") && (m = UNHOLD.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route(
              "acs.unhold",
              r -> call(r, false, () -> handoffs.unhold(id, body(r, "UnholdRequest")))));
    }
    if (method.equals("POST") && (m = PLAY.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route("acs.play", r -> call(r, false, () -> handoffs.play(id, body(r, "PlayRequest")))));
    }
    if (method.equals("POST") && (m = REMOVE.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route(
              "acs.removeParticipant",
              r -> call(r, true, () -> handoffs.remove(id, body(r, "RemoveParticipantRequest")))));
    }
    if (method.equals("DELETE") && (m = GET.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(route("acs.hangUp", r -> call(r, false, () -> handoffs.hangUp(id))));
    }
    return Optional.empty();
  }

  private Route route(String operation, java.util.function.Function<Request, Response> handler) {
    return new Route(operation, handler, this::faultResponse);
  }

  private Response faultResponse(FaultAction.Error fault) {
    String message =
        switch (fault.status()) {
          case 429 -> "Too many requests. Retry after the period in the Retry-After header.";
          case 500 -> "Internal server error.";
          case 502 -> "Bad gateway.";
          case 503 -> "The service is unavailable.";
          case 504 -> "Gateway timeout.";
          default -> "Injected fault " + fault.status() + ".";
        };
    Response response =
        Response.json(fault.status(), AcsException.body(String.valueOf(fault.status()), message));
    response = response.withHeader("X-Microsoft-Skype-Chain-ID", simulation.ids().uuidString());
    return fault.retryAfterSeconds() == null
        ? response.withHeader("retry-after", "0")
        : response.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  /**
   * The list's own absolute URL on the base URL it was asked on, with the api-version it was asked
   * in (a next link is followed as given, nothing added), ready for a page token.
   */
  private static String nextLinkPrefix(Request request) {
    return request.baseUrl()
        + request.rawPath()
        + "?api-version="
        + URLEncoder.encode(request.queryParameters().get("api-version"), StandardCharsets.UTF_8)
        + "&"
        + AcsParticipantList.SKIP_TOKEN
        + "=";
  }

  // ---------------------------------------------------------------- request pipeline

  private Response call(
      Request request, boolean repeatable, java.util.function.Supplier<AcsResult> operation) {
    String version = request.queryParameters().get("api-version");
    if (version == null || version.isBlank()) {
      return headers(request, error(AcsException.invalid("api-version", "is required")), null);
    }
    if (!AcsApiVersions.isKnown(version)) {
      ObjectNode body = Json.object();
      body.putObject("error")
          .put(
              "message",
              "No HTTP resource was found that matches the request URI '"
                  + request.baseUrl()
                  + request.pathAndQuery()
                  + "'.");
      return headers(request, Response.json(404, body), null);
    }
    Optional<String> refusal = authenticate(request);
    if (refusal.isPresent()) {
      String reason = refusal.get();
      ObjectNode body =
          reason.startsWith("HMAC:")
              ? AcsException.body("7509", HMAC_FAILED)
              : AcsException.body("401", "Denied by the emulator: " + reason + ".");
      return headers(request, Response.json(401, body), null)
          .withHeader("X-Emulator-Auth-Failure", reason);
    }
    try {
      if (!repeatable) {
        AcsResult outcome = executeSafely(operation);
        return headers(request, outcome.response(), outcome.correlationId());
      }
      Repeatability.Result result =
          repeatability.execute(
              request,
              () -> {
                AcsResult outcome = executeSafely(operation);
                return headers(request, outcome.response(), outcome.correlationId());
              });
      Response response = result.response();
      if (request.header("Repeatability-Request-ID").isPresent()) {
        response = response.withHeader("Repeatability-Result", "accepted");
      }
      if (result.replayed()) {
        Optional<String> clientRequestId = request.header("x-ms-client-request-id");
        if (clientRequestId.isPresent()) {
          response = response.withHeader("x-ms-client-request-id", clientRequestId.get());
        }
        response = response.withHeader("X-Emulator-Repeatability", "replayed");
      }
      return response;
    } catch (AcsException e) {
      return headers(request, error(e), null);
    }
  }

  private static AcsResult executeSafely(java.util.function.Supplier<AcsResult> operation) {
    try {
      return operation.get();
    } catch (AcsException e) {
      return new AcsResult(error(e), null);
    }
  }

  private static Response error(AcsException e) {
    return Response.json(e.status(), e.body());
  }

  private Response headers(Request request, Response response, String correlationId) {
    Response out =
        response
            .withHeader(
                "X-Microsoft-Skype-Chain-ID",
                correlationId != null ? correlationId : simulation.ids().uuidString())
            .withHeader("X-Azure-Ref", "0" + simulation.ids().token(24))
            .withHeader("retry-after", "0");
    if (request.header("x-ms-client-request-id").isPresent()) {
      out =
          out.withHeader("x-ms-client-request-id", request.header("x-ms-client-request-id").get());
    }
    if (request.header("User-Agent").isPresent()) {
      out = out.withHeader("X-Microsoft-Skype-Client", request.header("User-Agent").get());
    }
    return out;
  }

  /**
   * @return why authentication failed (prefixed {@code HMAC:} for signature problems), or empty
   */
  private Optional<String> authenticate(Request request) {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isEmpty()) {
      return Optional.of("the Authorization header is missing");
    }
    String value = authorization.get();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      try {
        simulation
            .tokens()
            .verifyAccessToken(
                value.substring(7).trim(),
                simulation.settings().graphTenantId(),
                TokenService.ACS_AUDIENCE);
        return Optional.empty();
      } catch (TokenService.InvalidTokenException e) {
        return Optional.of(e.getMessage());
      }
    }
    return hmac.verify(request, value).map(reason -> "HMAC: " + reason);
  }

  private JsonNode body(Request request, String definition) {
    JsonNode body;
    try {
      body = Json.parse(request.body());
    } catch (Json.InvalidJsonException e) {
      throw AcsException.invalid("$", "is not valid JSON (" + e.getMessage() + ")");
    }
    List<Violation> violations = schemas.validate(definition, body);
    if (!violations.isEmpty()) {
      Violation first = violations.get(0);
      throw AcsException.invalid(first.path(), first.rule());
    }
    return body;
  }

  // ---------------------------------------------------------------- control

  /** Creates a connected call connection. */
  public AcsCall createCall(AcsCallSpec spec) {
    return flows.createCall(spec);
  }

  /** Announces an incoming call through Event Grid and returns its incoming call context. */
  public AcsIncomingCall createIncomingCall(AcsIncomingCallSpec spec) {
    return incoming.createIncomingCall(spec);
  }

  /**
   * Invites a participant into a connected call as {@code participants:add} would, without a
   * request: the target's scripted outcome decides what happens (script {@code noAnswer} to keep
   * the invitation ringing). A phone number is invited with {@code sourceCallerId} as caller id.
   *
   * @return the invitation id
   * @throws IllegalArgumentException when the call is unknown or the target is not a raw id
   */
  public String invite(String callConnectionId, String target, String sourceCallerId) {
    try {
      ObjectNode body = Json.object();
      AcsIdentifier participant = AcsIdentifier.fromRawId(target);
      body.set("participantToAdd", participant.toJson());
      if (participant instanceof AcsIdentifier.PhoneNumber) {
        // As a request must: ACS calls a phone number only with a caller id of the resource.
        body.putObject("sourceCallerIdNumber").put("value", sourceCallerId);
      }
      AcsResult result = flows.add(callConnectionId, body);
      return Json.parse(result.response().body()).get("invitationId").asText();
    } catch (AcsException e) {
      throw new IllegalArgumentException(
          "cannot invite into ACS call " + callConnectionId + ": " + e.getMessage(), e);
    }
  }

  /** The state of a call connection ({@code connected}, ...), if it exists. */
  public Optional<String> callState(String callConnectionId) {
    return flows.callState(callConnectionId);
  }

  /** Forgets every call, incoming call, Event Grid handshake and stored repeatable response. */
  public void reset() {
    flows.reset();
    incoming.reset();
    repeatability.clear();
  }

  private Response openIdConfiguration(Request request) {
    ObjectNode body = Json.object();
    body.put("issuer", TokenService.ACS_CALLBACK_ISSUER);
    body.put("jwks_uri", request.baseUrl() + "/calling/keys");
    body.putArray("id_token_signing_alg_values_supported").add("RS256");
    body.putArray("response_types_supported").add("id_token");
    body.putArray("subject_types_supported").add("public");
    return Response.json(200, body);
  }
}
