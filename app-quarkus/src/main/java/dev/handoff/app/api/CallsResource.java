package dev.handoff.app.api;

import dev.handoff.app.api.json.OperationJson;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.app.api.json.Requests;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.ports.in.AddParticipantUseCase;
import dev.handoff.ports.in.CancelAddParticipantUseCase;
import dev.handoff.ports.in.TransferCallUseCase;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on a call the application controls: transfer, add a participant, cancel. */
@Path("/v1/calls/{callId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calls")
@Blocking
public class CallsResource {
  private final TransferCallUseCase transfers;
  private final AddParticipantUseCase adds;
  private final CancelAddParticipantUseCase cancels;
  private final JsonBodies bodies;

  @Inject
  CallsResource(
      TransferCallUseCase transfers,
      AddParticipantUseCase adds,
      CancelAddParticipantUseCase cancels,
      JsonBodies bodies) {
    this.transfers = transfers;
    this.adds = adds;
    this.cancels = cancels;
    this.bodies = bodies;
  }

  /**
   * Transfers the call, blind or consultative.
   *
   * @param callId the call being transferred (the transferor's call)
   * @param idempotencyKey the client's key for safe retries
   * @param body the transfer
   * @param uri the request's URI info
   * @return 202 with the operation
   */
  @POST
  @Path("/transfers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Transfer the call",
      description =
          "Blind, or consultative when replacesCallId names the consultation call. Answers 202"
              + " with the operation; follow it at the Location or its events stream.")
  @RequestBody(
      content = @Content(schema = @Schema(implementation = Requests.TransferRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the operation follows",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid request: every violation is listed",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(responseCode = "409", description = "A transfer of this call is under way")
  @APIResponse(
      responseCode = "422",
      description = "The provider cannot carry the request, or the idempotency key was reused")
  public Response transfer(
      @PathParam("callId") String callId,
      @Parameter(description = "Retry-safe key: the same key and body return the same operation")
          @HeaderParam(Submissions.IDEMPOTENCY_KEY)
          String idempotencyKey,
      @Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body,
      @Context UriInfo uri) {
    CallTransfer command =
        bodies.read(body, Requests.TransferRequest.class, r -> r.toCommand(callId));
    return Submissions.accepted(
        uri, Submissions.options(idempotencyKey), options -> transfers.transfer(command, options));
  }

  /**
   * Invites a participant into the call.
   *
   * @param callId the call
   * @param idempotencyKey the client's key for safe retries
   * @param body the invitation
   * @param uri the request's URI info
   * @return 202 with the operation
   */
  @POST
  @Path("/participants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a participant to the call")
  @RequestBody(
      content = @Content(schema = @Schema(implementation = Requests.AddParticipantRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the operation follows",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  public Response addParticipant(
      @PathParam("callId") String callId,
      @HeaderParam(Submissions.IDEMPOTENCY_KEY) String idempotencyKey,
      @Parameter(schema = @Schema(type = SchemaType.OBJECT)) String body,
      @Context UriInfo uri) {
    AddParticipant command =
        bodies.read(body, Requests.AddParticipantRequest.class, r -> r.toCommand(callId));
    return Submissions.accepted(
        uri, Submissions.options(idempotencyKey), options -> adds.addParticipant(command, options));
  }

  /**
   * Withdraws an unanswered invitation.
   *
   * @param callId the call
   * @param invitationId the invitation, as the add operation reported it
   * @param idempotencyKey the client's key for safe retries
   * @param uri the request's URI info
   * @return 202 with the cancel operation
   */
  @DELETE
  @Path("/participants/invitations/{invitationId}")
  @Operation(
      summary = "Cancel an invitation",
      description = "When the provider confirms, the add operation becomes CANCELLED.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the cancel operation follows",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  public Response cancelInvitation(
      @PathParam("callId") String callId,
      @PathParam("invitationId") String invitationId,
      @HeaderParam(Submissions.IDEMPOTENCY_KEY) String idempotencyKey,
      @Context UriInfo uri) {
    CancelAddParticipant command = Requests.cancel(callId, invitationId);
    return Submissions.accepted(
        uri,
        Submissions.options(idempotencyKey),
        options -> cancels.cancelAddParticipant(command, options));
  }
}
