package dev.handoff.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violations;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The embedded emulator's controls that a person trying the service needs, offered on this
 * service's own origin and behind its authentication (a browser cannot reach the emulator's control
 * port): script what a target does, inject provider and callback faults, announce an incoming call.
 * Every path answers 404 unless the embedded emulator is the provider.
 */
@Path("/v1/emulator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "emulator")
@Blocking
public class EmulatorControlsResource {
  /** The provider operations a request fault can name. */
  static final Set<String> FAULTABLE_OPERATIONS =
      Set.of(
          "acs.transfer",
          "acs.addParticipant",
          "acs.cancelAddParticipant",
          "acs.redirect",
          "acs.getCall",
          "graph.transfer",
          "graph.invite",
          "graph.redirect",
          "graph.getCall",
          "graph.getOperation");

  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final EmbeddedEmulator emulator;
  private final JsonBodies bodies;

  @Inject
  EmulatorControlsResource(EmbeddedEmulator emulator, JsonBodies bodies) {
    this.emulator = emulator;
    this.bodies = bodies;
  }

  private EmulatorControl control() {
    if (!emulator.enabled()) {
      throw new NotFoundException();
    }
    return emulator.running().control();
  }

  /**
   * What a target does when a transfer or invitation reaches it.
   *
   * @param kind accept, decline, busy, noAnswer, voicemail or fail
   * @param code for fail: the result code, e.g. 500
   * @param subCode for fail: the result subcode
   * @param message for fail: the result message
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "EmulatorOutcome")
  public record OutcomeRequest(
      @Schema(required = true) String kind, Integer code, Integer subCode, String message) {}

  /**
   * A script for one target.
   *
   * @param target the target: a phone number (+E.164), an ACS raw id, a user or app id
   * @param outcome what it does
   */
  @Schema(name = "EmulatorScript")
  public record ScriptRequest(
      @Schema(required = true) String target, @Schema(required = true) OutcomeRequest outcome) {
    Script toScript() {
      Violations v = Violations.of("ScriptRequest");
      String to = EmulatorControlsResource.target(v, "target", target);
      v.required("outcome", outcome);
      Outcome what = outcome == null ? null : EmulatorControlsResource.outcome(v, outcome);
      v.throwIfAny();
      return new Script(to, what);
    }
  }

  /**
   * @param body the script
   * @return 204
   */
  @POST
  @Path("/outcomes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Script what a target does",
      description =
          "When a transfer or invitation reaches the target, it accepts, declines, is busy, does"
              + " not answer (the invitation times out), is answered by voicemail, or fails with a"
              + " given code. Unscripted targets accept.")
  @RequestBody(content = @Content(schema = @Schema(implementation = ScriptRequest.class)))
  @APIResponse(responseCode = "204", description = "Scripted")
  @APIResponse(responseCode = "400", description = "Invalid request: every violation is listed")
  @APIResponse(responseCode = "404", description = "The embedded emulator is not the provider")
  public Response script(@Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body) {
    EmulatorControl control = control();
    Script script =
        bodies.read(body, ScriptRequest.class, r -> present(r, "ScriptRequest").toScript());
    control.script(script.target(), script.outcome());
    return Response.noContent().build();
  }

  /** A validated script. */
  private record Script(String target, Outcome outcome) {}

  /**
   * @return the scripted outcomes by target
   */
  @GET
  @Path("/outcomes")
  @Operation(summary = "The scripted outcomes, by target")
  public Map<String, Outcome> scripts() {
    return new TreeMap<>(control().scripts());
  }

  /**
   * @return 204
   */
  @DELETE
  @Path("/outcomes")
  @Operation(summary = "Forget every script: every target accepts again")
  @APIResponse(responseCode = "204", description = "Forgotten")
  public Response clearScripts() {
    control().clearScripts();
    return Response.noContent().build();
  }

  /**
   * What a request fault does.
   *
   * @param type error, latency, drop or noResponse
   * @param status for error: the HTTP status, 400 to 599
   * @param retryAfterSeconds for error: the Retry-After value
   * @param millis for latency: the delay
   * @param afterExecution for drop and noResponse: whether the request is executed first
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "EmulatorFaultAction")
  public record ActionRequest(
      @Schema(required = true) String type,
      Integer status,
      Integer retryAfterSeconds,
      Long millis,
      Boolean afterExecution) {}

  /**
   * A fault on the provider requests of one operation.
   *
   * @param operation the provider operation, e.g. acs.transfer
   * @param action what happens to a matching request
   * @param times how many matching requests it applies to; absent or 0 for every one until removed
   */
  @Schema(name = "EmulatorFault")
  public record FaultRequest(
      @Schema(required = true) String operation,
      @Schema(required = true) ActionRequest action,
      Integer times) {
    FaultRule toRule() {
      Violations v = Violations.of("FaultRequest");
      if (v.required("operation", operation)) {
        v.check(
            FAULTABLE_OPERATIONS.contains(operation),
            "operation",
            "must be one of " + new TreeSet<>(FAULTABLE_OPERATIONS),
            operation);
      }
      v.required("action", action);
      FaultAction what = action == null ? null : EmulatorControlsResource.action(v, action);
      EmulatorControlsResource.times(v, times);
      v.throwIfAny();
      return new FaultRule(operation, null, null, what, times);
    }
  }

  /**
   * @param body the fault
   * @return 201 with the fault's id
   */
  @POST
  @Path("/faults")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Inject a fault into provider requests",
      description =
          "An error answer (with Retry-After for 429 and 503), latency, a dropped connection or no"
              + " answer at all, before or after the request is executed.")
  @RequestBody(content = @Content(schema = @Schema(implementation = FaultRequest.class)))
  @APIResponse(responseCode = "201", description = "Armed; the body names its id")
  @APIResponse(responseCode = "400", description = "Invalid request: every violation is listed")
  public Response injectFault(@Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body) {
    EmulatorControl control = control();
    FaultRule rule =
        bodies.read(body, FaultRequest.class, r -> present(r, "FaultRequest").toRule());
    return Response.status(201).entity(Map.of("id", control.injectFault(rule))).build();
  }

  /**
   * A fault on the callbacks the provider sends.
   *
   * @param event the event name, e.g. CallTransferAccepted; absent for any
   * @param callId the call; absent for any
   * @param kind lost, duplicated or reordered
   * @param times how many matching callbacks it applies to; absent or 0 for every one until removed
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "EmulatorCallbackFault")
  public record CallbackFaultRequest(
      String event, String callId, @Schema(required = true) String kind, Integer times) {
    CallbackFault toFault() {
      Violations v = Violations.of("CallbackFaultRequest");
      if (event != null) {
        v.text("event", event, 128);
      }
      if (callId != null) {
        v.identifier("callId", callId);
      }
      CallbackFault.Kind what = null;
      if (v.required("kind", kind)) {
        try {
          what = CallbackFault.Kind.parse(kind);
        } catch (IllegalArgumentException unknown) {
          v.add("kind", "must be one of [lost, duplicated, reordered]", kind);
        }
      }
      EmulatorControlsResource.times(v, times);
      v.throwIfAny();
      return new CallbackFault(event, callId, what, times);
    }
  }

  /**
   * @param body the fault
   * @return 201 with the fault's id
   */
  @POST
  @Path("/callback-faults")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Inject a fault into the provider's callbacks",
      description =
          "A callback lost, delivered twice, or held back until after the next one of its call.")
  @RequestBody(content = @Content(schema = @Schema(implementation = CallbackFaultRequest.class)))
  @APIResponse(responseCode = "201", description = "Armed; the body names its id")
  @APIResponse(responseCode = "400", description = "Invalid request: every violation is listed")
  public Response injectCallbackFault(
      @Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body) {
    EmulatorControl control = control();
    CallbackFault fault =
        bodies.read(
            body, CallbackFaultRequest.class, r -> present(r, "CallbackFaultRequest").toFault());
    return Response.status(201).entity(Map.of("id", control.injectCallbackFault(fault))).build();
  }

  /**
   * @return the armed faults: {@code requests} and {@code callbacks}, by id
   */
  @GET
  @Path("/faults")
  @Operation(summary = "The armed faults, by id")
  public Map<String, Object> faults() {
    EmulatorControl control = control();
    Map<String, Object> armed = new LinkedHashMap<>();
    armed.put("requests", new TreeMap<>(control.faults()));
    armed.put("callbacks", new TreeMap<>(control.callbackFaults()));
    return armed;
  }

  /**
   * @return 204
   */
  @DELETE
  @Path("/faults")
  @Operation(summary = "Disarm every fault")
  @APIResponse(responseCode = "204", description = "Disarmed")
  public Response clearFaults() {
    control().clearFaults();
    return Response.noContent().build();
  }

  /**
   * @param id the fault
   * @return 204, or 404 when no such fault is armed
   */
  @DELETE
  @Path("/faults/{id}")
  @Operation(summary = "Disarm one fault")
  @APIResponse(responseCode = "204", description = "Disarmed")
  @APIResponse(responseCode = "404", description = "No such fault is armed")
  public Response removeFault(@PathParam("id") String id) {
    if (!control().removeFault(id)) {
      return ProblemMappers.problem(
          404, "not-found", "No such fault", "No fault '" + id + "' is armed", null, null, null);
    }
    return Response.noContent().build();
  }

  /**
   * An incoming call to announce.
   *
   * @param from the caller: a phone number (+E.164) or an ACS raw id
   * @param to who is called: a phone number (+E.164) or an ACS raw id
   */
  @Schema(name = "EmulatorIncomingCall")
  public record IncomingCallRequest(
      @Schema(required = true) String from, @Schema(required = true) String to) {
    AcsIncomingCallSpec toSpec() {
      Violations v = Violations.of("IncomingCallRequest");
      String caller = rawId(v, "from", from);
      String callee = rawId(v, "to", to);
      v.throwIfAny();
      return AcsIncomingCallSpec.of(caller, callee);
    }
  }

  /**
   * @param body the call
   * @return 201 with the provider's ids of the call
   */
  @POST
  @Path("/incoming-calls")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Announce an incoming call",
      description =
          "The emulator announces the call to this service as the provider would (ACS: an Event"
              + " Grid IncomingCall event). It then appears in GET /v1/incoming-calls and can be"
              + " redirected.")
  @RequestBody(content = @Content(schema = @Schema(implementation = IncomingCallRequest.class)))
  @APIResponse(responseCode = "201", description = "Announced")
  @APIResponse(responseCode = "400", description = "Invalid request: every violation is listed")
  public Response announceIncomingCall(
      @Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body) {
    EmulatorControl control = control();
    AcsIncomingCallSpec spec =
        bodies.read(
            body, IncomingCallRequest.class, r -> present(r, "IncomingCallRequest").toSpec());
    AcsIncomingCall call = control.createAcsIncomingCall(spec);
    return Response.status(201)
        .entity(
            Map.of(
                "serverCallId", call.serverCallId(),
                "correlationId", call.correlationId(),
                "incomingCallContext", call.incomingCallContext()))
        .build();
  }

  /** A JSON {@code null} body reads as no request at all. */
  private static <T> T present(T request, String subject) {
    if (request == null) {
      throw new ValidationException(
          subject,
          List.of(
              new dev.handoff.domain.Violation(
                  "", "a JSON object is required", java.util.Optional.empty())));
    }
    return request;
  }

  private static String target(Violations v, String path, String value) {
    if (!v.identifier(path, value)) {
      return null;
    }
    return value;
  }

  /** A phone number becomes the ACS raw id of a phone; anything else is taken as a raw id. */
  private static String rawId(Violations v, String path, String value) {
    if (!v.identifier(path, value)) {
      return null;
    }
    if (value.startsWith("+")) {
      return v.check(
              PHONE.matcher(value).matches(),
              path,
              "must be a phone number in E.164 form (+ and 7 to 15 digits) or a raw id",
              value)
          ? "4:" + value
          : null;
    }
    return value;
  }

  private static Outcome outcome(Violations v, OutcomeRequest request) {
    if (!v.required("outcome.kind", request.kind())) {
      return null;
    }
    Outcome.Kind kind;
    try {
      kind = Outcome.Kind.parse(request.kind());
    } catch (IllegalArgumentException unknown) {
      v.add(
          "outcome.kind",
          "must be one of [accept, decline, busy, noAnswer, voicemail, fail]",
          request.kind());
      return null;
    }
    if (kind == Outcome.Kind.FAIL) {
      v.required("outcome.code", request.code());
      v.required("outcome.subCode", request.subCode());
      if (request.code() == null || request.subCode() == null) {
        return null;
      }
      return Outcome.fail(request.code(), request.subCode(), request.message());
    }
    onlyForFail(v, "outcome.code", request.code());
    onlyForFail(v, "outcome.subCode", request.subCode());
    onlyForFail(v, "outcome.message", request.message());
    return new Outcome(kind, null, null, null);
  }

  private static void onlyForFail(Violations v, String path, Object value) {
    v.check(value == null, path, "is only for the outcome 'fail'", null);
  }

  private static FaultAction action(Violations v, ActionRequest action) {
    if (!v.required("action.type", action.type())) {
      return null;
    }
    String type = action.type();
    List<String> allowed;
    FaultAction built;
    switch (type) {
      case "error":
        allowed = List.of("status", "retryAfterSeconds");
        if (v.required("action.status", action.status())) {
          v.check(
              action.status() >= 400 && action.status() <= 599,
              "action.status",
              "must be between 400 and 599",
              action.status());
        }
        if (action.retryAfterSeconds() != null) {
          v.check(
              action.retryAfterSeconds() >= 0 && action.retryAfterSeconds() <= 3600,
              "action.retryAfterSeconds",
              "must be between 0 and 3600",
              action.retryAfterSeconds());
        }
        built =
            action.status() == null || action.status() < 400 || action.status() > 599
                ? null
                : new FaultAction.Error(action.status(), action.retryAfterSeconds());
        break;
      case "latency":
        allowed = List.of("millis");
        if (v.required("action.millis", action.millis())) {
          v.check(
              action.millis() >= 0 && action.millis() <= 60_000,
              "action.millis",
              "must be between 0 and 60000",
              action.millis());
        }
        built =
            action.millis() == null || action.millis() < 0
                ? null
                : new FaultAction.Latency(action.millis());
        break;
      case "drop":
        allowed = List.of("afterExecution");
        built = new FaultAction.Drop(Boolean.TRUE.equals(action.afterExecution()));
        break;
      case "noResponse":
        allowed = List.of("afterExecution");
        built = new FaultAction.NoResponse(Boolean.TRUE.equals(action.afterExecution()));
        break;
      default:
        v.add("action.type", "must be one of [error, latency, drop, noResponse]", type);
        return null;
    }
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("status", action.status());
    given.put("retryAfterSeconds", action.retryAfterSeconds());
    given.put("millis", action.millis());
    given.put("afterExecution", action.afterExecution());
    given.forEach(
        (field, value) ->
            v.check(
                value == null || allowed.contains(field),
                "action." + field,
                "does not apply to a fault of type '" + type + "'",
                null));
    return built;
  }

  private static void times(Violations v, Integer times) {
    if (times != null) {
      v.check(times >= 0 && times <= 1000, "times", "must be between 0 and 1000", times);
    }
  }
}
