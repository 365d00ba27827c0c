package dev.handoff.app.api;

import dev.handoff.app.api.json.HandoffRequest;
import dev.handoff.app.api.json.OperationJson;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.domain.Violations;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.in.GetOperationQuery;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.WarmHandoffUseCase;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Warm handoffs of a call: hold the caller, reach and brief a person, then put the caller through,
 * or fall back.
 */
@Path("/v1/calls/{callId}/handoffs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "handoffs")
@Blocking
public class HandoffsResource {
  private final WarmHandoffUseCase handoffs;
  private final GetOperationQuery operations;
  private final JsonBodies bodies;

  @Inject
  HandoffsResource(WarmHandoffUseCase handoffs, GetOperationQuery operations, JsonBodies bodies) {
    this.handoffs = handoffs;
    this.operations = operations;
    this.bodies = bodies;
  }

  /**
   * Starts a warm handoff of the call.
   *
   * @param callId the caller's call
   * @param body the handoff
   * @param uri the request's URI info
   * @param request the HTTP request, for the idempotency key
   * @return 202 with the operation and its steps so far
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @org.eclipse.microprofile.openapi.annotations.Operation(
      operationId = "startWarmHandoff",
      summary = "Hand the caller warm to a person",
      description =
          "Puts the caller on hold, tries the targets in order (each for its ring timeout),"
              + " briefs the one who answers with a prompt only they hear and the context that"
              + " travels, then takes the caller off hold and lets the bot leave (ACS) or"
              + " transfers the caller to replace the consultation call (Graph). When nobody"
              + " answers, the fallback applies and the operation ends FAILED with each target's"
              + " reason. Answers 202 with the operation; its handoff.steps and timeline show every"
              + " step; follow it at the Location or its events stream.")
  @Parameter(
      name = Submissions.IDEMPOTENCY_KEY,
      in = ParameterIn.HEADER,
      description = CallsResource.IDEMPOTENCY_KEY_DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = HandoffRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the operation follows",
      headers = @Header(name = "Location", description = "The operation's URL"),
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "A handoff, transfer or redirect of this call is under way",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "422",
      description = "The provider cannot carry the request, or the idempotency key was reused",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response start(
      @PathParam("callId") String callId,
      @Parameter(hidden = true) String body,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Submissions.Prepared<WarmHandoff> prepared =
        Submissions.prepare(request, bodies, body, HandoffRequest.class, r -> r.toCommand(callId));
    return Submissions.accepted(uri, prepared, handoffs::startWarmHandoff);
  }

  /**
   * @param callId the caller's call
   * @param id the handoff's operation id
   * @return the handoff as it stands
   */
  @GET
  @Path("/{id}")
  @org.eclipse.microprofile.openapi.annotations.Operation(
      operationId = "getWarmHandoff",
      summary = "Read a warm handoff")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such handoff of this call",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public OperationJson read(@PathParam("callId") String callId, @PathParam("id") String id) {
    return OperationJson.of(handoffOf(callId, id));
  }

  /**
   * Cancels the handoff: whoever is being reached is let go and the caller comes back to the bot.
   *
   * @param callId the caller's call
   * @param id the handoff's operation id
   * @return 202 with the operation, which ends CANCELLED
   */
  @DELETE
  @Path("/{id}")
  @org.eclipse.microprofile.openapi.annotations.Operation(
      operationId = "cancelWarmHandoff",
      summary = "Cancel a warm handoff",
      description =
          "Withdraws the invitation or consultation call under way, takes the caller off hold"
              + " and ends the operation CANCELLED. A handoff already over is returned as it is;"
              + " one already putting the caller through cannot be cancelled (409).")
  @APIResponse(
      responseCode = "202",
      description = "Cancelling; the operation follows",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such handoff of this call",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "The caller is already being put through",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response cancel(@PathParam("callId") String callId, @PathParam("id") String id) {
    Operation handoff = handoffOf(callId, id);
    return Response.accepted(OperationJson.of(handoffs.cancelWarmHandoff(handoff.id()))).build();
  }

  /**
   * The same as {@code DELETE}, for clients that cannot send one.
   *
   * @param callId the caller's call
   * @param id the handoff's operation id
   * @return 202 with the operation, which ends CANCELLED
   */
  @POST
  @Path("/{id}/cancel")
  @org.eclipse.microprofile.openapi.annotations.Operation(
      operationId = "cancelWarmHandoffByPost",
      summary = "Cancel a warm handoff (POST form)")
  @APIResponse(
      responseCode = "202",
      description = "Cancelling; the operation follows",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  public Response cancelByPost(@PathParam("callId") String callId, @PathParam("id") String id) {
    return cancel(callId, id);
  }

  private Operation handoffOf(String callId, String id) {
    Violations v = Violations.of("path");
    OperationId operationId = v.nested("id", () -> OperationId.of(id));
    v.throwIfAny();
    Operation found =
        operations.find(operationId).orElseThrow(() -> new OperationNotFoundException(operationId));
    if (found.kind() != OperationKind.WARM_HANDOFF || !found.callId().equals(callId)) {
      throw new OperationNotFoundException(operationId);
    }
    return found;
  }
}
