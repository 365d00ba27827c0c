package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.internal.acs.AcsCallConnection.Invitation;
import dev.handoff.emulator.internal.acs.AcsCallConnection.State;
import dev.handoff.emulator.internal.acs.AcsEvents.Result;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.callback.OutgoingCallback;
import dev.handoff.emulator.internal.http.Endpoint;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.http.Route;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.json.SwaggerSchemas;
import dev.handoff.emulator.internal.json.Violation;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.Simulation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated ACS Call Automation service: transfer, add participant, cancel add participant,
 * redirect and get call, with HMAC or bearer authentication, repeatability, strict validation
 * against the 2026-03-12 spec, and the callback events of each flow.
 */
public final class AcsService implements Endpoint {

  private static final Pattern TRANSFER =
      Pattern.compile("^/calling/callConnections/([^/:]+):transferToParticipant$");
  private static final Pattern ADD =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants:add$");
  private static final Pattern CANCEL =
      Pattern.compile("^/calling/callConnections/([^/:]+)/participants:cancelAddParticipant$");
  private static final Pattern GET = Pattern.compile("^/calling/callConnections/([^/:]+)$");
  private static final String REDIRECT = "/calling/callConnections:redirect";
  private static final String HMAC_FAILED = "HMAC-SHA256 validation failed";

  private final Simulation simulation;
  private final SwaggerSchemas schemas;
  private final HmacVerifier hmac;
  private final Repeatability repeatability = new Repeatability();
  private final Map<String, AcsCallConnection> calls = new ConcurrentHashMap<>();
  private final Map<String, IncomingAcsCall> incoming = new ConcurrentHashMap<>();
  private final EventGridPublisher eventGrid;

  private record IncomingAcsCall(
      String context,
      AcsIdentifier from,
      AcsIdentifier to,
      String serverCallId,
      String correlationId) {}

  /** Creates the service. */
  public AcsService(Simulation simulation, SwaggerSchemas schemas) {
    this.simulation = simulation;
    this.schemas = schemas;
    this.hmac =
        new HmacVerifier(
            simulation.settings().acsAccessKey(),
            simulation.settings().clock(),
            simulation.settings().hmacClockSkew());
    this.eventGrid = new EventGridPublisher(simulation, null);
    if (simulation.settings().eventGridWebhook() != null) {
      eventGridWebhook(simulation.settings().eventGridWebhook());
    }
  }

  /** Sets the base URL put into Event Grid validation URLs. */
  public void baseUrl(String baseUrl) {
    eventGrid.baseUrl(baseUrl);
  }

  /** Changes the Event Grid webhook that IncomingCall events go to ({@code null} for none). */
  public void eventGridWebhook(String url) {
    try {
      eventGrid.webhook(url == null ? null : AcsRules.checkCallbackUri(url, "eventGridWebhook"));
    } catch (AcsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The Event Grid webhook, or {@code null}. */
  public String eventGridWebhook() {
    return eventGrid.webhook();
  }

  /** Completes an Event Grid validation handshake through its validation URL. */
  public boolean validateEventGrid(String code) {
    return eventGrid.validateByUrl(code);
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
      return Optional.of(route("acs.transfer", r -> call(r, true, () -> transfer(id, r))));
    }
    if (method.equals("POST") && (m = ADD.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(route("acs.addParticipant", r -> call(r, true, () -> add(id, r))));
    }
    if (method.equals("POST") && (m = CANCEL.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(
          route("acs.cancelAddParticipant", r -> call(r, true, () -> cancel(id, r))));
    }
    if (method.equals("POST") && path.equals(REDIRECT)) {
      return Optional.of(route("acs.redirect", r -> call(r, true, () -> redirect(r))));
    }
    if (method.equals("GET") && (m = GET.matcher(path)).matches()) {
      String id = decode(m.group(1));
      return Optional.of(route("acs.getCall", r -> call(r, false, () -> get(id))));
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

  // ---------------------------------------------------------------- request pipeline

  /** An executed operation's response and the call it concerned (for the chain id header). */
  private record Outcomes(Response response, String correlationId) {}

  private Response call(
      Request request, boolean repeatable, java.util.function.Supplier<Outcomes> operation) {
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
        Outcomes outcome = executeSafely(operation);
        return headers(request, outcome.response(), outcome.correlationId());
      }
      Repeatability.Result result =
          repeatability.execute(
              request,
              () -> {
                Outcomes outcome = executeSafely(operation);
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

  private static Outcomes executeSafely(java.util.function.Supplier<Outcomes> operation) {
    try {
      return operation.get();
    } catch (AcsException e) {
      return new Outcomes(error(e), null);
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

  private AcsCallConnection connected(String callConnectionId) {
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

  private Outcomes transfer(String callConnectionId, Request request) {
    AcsCallConnection call = connected(callConnectionId);
    JsonNode body = body(request, "TransferToParticipantRequest");
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
    return new Outcomes(Response.json(202, response), call.correlationId);
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

  private Outcomes add(String callConnectionId, Request request) {
    AcsCallConnection call = connected(callConnectionId);
    JsonNode body = body(request, "AddParticipantRequest");
    AcsIdentifier participant =
        AcsIdentifier.fromModel(body.get("participantToAdd"), "participantToAdd");
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
    return new Outcomes(Response.json(202, response), call.correlationId);
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

  private Outcomes cancel(String callConnectionId, Request request) {
    AcsCallConnection call = connected(callConnectionId);
    JsonNode body = body(request, "CancelAddParticipantRequest");
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
    return new Outcomes(Response.json(202, response), call.correlationId);
  }

  private Outcomes redirect(Request request) {
    JsonNode body = body(request, "RedirectCallRequest");
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
          () -> announce(call.from(), target, null, null, null, call.correlationId()));
    }
    return new Outcomes(Response.empty(204), call.correlationId());
  }

  private Outcomes get(String callConnectionId) {
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
    return new Outcomes(Response.json(200, body), call.correlationId);
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

  private void participantsUpdated(AcsCallConnection call) {
    ObjectNode data = AcsEvents.data(call, null, new Result(200, 0, ""));
    data.put("sequenceNumber", ++call.sequenceNumber);
    data.set("participants", AcsEvents.participants(call.participants));
    emit(call, call.callbackUri, "ParticipantsUpdated", data);
  }

  private void emit(AcsCallConnection call, String url, String type, ObjectNode data) {
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
                            .tokens()
                            .acsCallbackToken(simulation.settings().acsResourceId())),
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

  // ---------------------------------------------------------------- control

  /** Creates a connected call connection. */
  public AcsCall createCall(AcsCallSpec spec) {
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
    String id = ids.uuidString();
    AcsCallConnection call =
        new AcsCallConnection(
            id,
            serverCallId(ids),
            ids.uuidString(),
            callbackUri,
            spec.source() == null ? null : AcsIdentifier.fromRawId(spec.source()),
            participants,
            version,
            ids);
    calls.put(id, call);
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

  /** Announces an incoming call through Event Grid and returns its incoming call context. */
  public AcsIncomingCall createIncomingCall(AcsIncomingCallSpec spec) {
    if (eventGrid.webhook() == null) {
      throw new IllegalStateException(
          "no Event Grid webhook is configured: set eventGridWebhook before creating incoming calls");
    }
    AcsIdentifier from = AcsIdentifier.fromRawId(spec.from());
    AcsIdentifier to = AcsIdentifier.fromRawId(spec.to());
    IncomingAcsCall call =
        announce(from, to, spec.callerDisplayName(), spec.sipHeaders(), spec.voipHeaders(), null);
    return new AcsIncomingCall(call.context(), call.serverCallId(), call.correlationId());
  }

  private IncomingAcsCall announce(
      AcsIdentifier from,
      AcsIdentifier to,
      String displayName,
      Map<String, String> sip,
      Map<String, String> voip,
      String correlationId) {
    IdSource ids = simulation.ids().child();
    String context = "emulator." + ids.token(48);
    IncomingAcsCall call =
        new IncomingAcsCall(
            context,
            from,
            to,
            serverCallId(ids),
            correlationId != null ? correlationId : ids.uuidString());
    incoming.put(context, call);
    ObjectNode data = Json.object();
    data.set("to", to.toJson());
    data.set("from", from.toJson());
    data.put("serverCallId", call.serverCallId());
    data.put("callerDisplayName", displayName == null ? "" : displayName);
    if (sip != null || voip != null) {
      ObjectNode custom = data.putObject("customContext");
      ObjectNode sipNode = custom.putObject("sipHeaders");
      if (sip != null) {
        sip.forEach(sipNode::put);
      }
      ObjectNode voipNode = custom.putObject("voipHeaders");
      if (voip != null) {
        voip.forEach(voipNode::put);
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

  private static String serverCallId(IdSource ids) {
    String locator =
        "https://emulator.handoff.dev/conv/" + ids.token(16) + "?i=" + ids.uuidString();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(locator.getBytes(StandardCharsets.UTF_8));
  }

  /** The state of a call connection ({@code connected}, ...), if it exists. */
  public Optional<String> callState(String callConnectionId) {
    AcsCallConnection call = calls.get(callConnectionId);
    if (call == null) {
      return Optional.empty();
    }
    synchronized (call) {
      return Optional.of(call.state.wire);
    }
  }

  /** Forgets every call, incoming call and stored repeatable response. */
  public void reset() {
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
    incoming.clear();
    repeatability.clear();
    eventGrid.reset();
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
