package dev.handoff.app.api;

import static dev.handoff.app.api.EmulatorControlRequests.present;

import dev.handoff.app.api.EmulatorControlRequests.CallbackFaultRequest;
import dev.handoff.app.api.EmulatorControlRequests.FaultRequest;
import dev.handoff.app.api.EmulatorControlRequests.IncomingCallRequest;
import dev.handoff.app.api.EmulatorControlRequests.Script;
import dev.handoff.app.api.EmulatorControlRequests.ScriptRequest;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
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
import java.util.Map;
import java.util.TreeMap;
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
   * @param body the call
   * @return 201 with the provider's ids of the call; {@code callId} is the id under which {@code
   *     GET /v1/incoming-calls} lists it
   */
  @POST
  @Path("/incoming-calls")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Announce an incoming call",
      description =
          "The emulator announces the call to this service as the provider would (ACS: an Event"
              + " Grid IncomingCall event; Graph: a created call notification to the bot). It then"
              + " appears in GET /v1/incoming-calls under callId and can be redirected.")
  @RequestBody(content = @Content(schema = @Schema(implementation = IncomingCallRequest.class)))
  @APIResponse(responseCode = "201", description = "Announced")
  @APIResponse(responseCode = "400", description = "Invalid request: every violation is listed")
  public Response announceIncomingCall(
      @Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body) {
    EmulatorControl control = control();
    if (emulator.graph()) {
      String callbackUri = emulator.callbackUri().toString();
      GraphIncomingCallSpec spec =
          bodies.read(
              body,
              IncomingCallRequest.class,
              r -> present(r, "IncomingCallRequest").toGraphSpec(callbackUri));
      GraphIncomingCall call = control.createGraphIncomingCall(spec);
      // Graph's incoming-call context is the call id.
      return Response.status(201)
          .entity(Map.of("callId", call.callId(), "incomingCallContext", call.callId()))
          .build();
    }
    AcsIncomingCallSpec spec =
        bodies.read(
            body, IncomingCallRequest.class, r -> present(r, "IncomingCallRequest").toSpec());
    AcsIncomingCall call = control.createAcsIncomingCall(spec);
    return Response.status(201)
        .entity(
            Map.of(
                "callId", call.serverCallId(),
                "serverCallId", call.serverCallId(),
                "correlationId", call.correlationId(),
                "incomingCallContext", call.incomingCallContext()))
        .build();
  }
}
