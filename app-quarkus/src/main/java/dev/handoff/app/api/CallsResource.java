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
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
  /** The OpenAPI description of the idempotency key header. */
  static final String IDEMPOTENCY_KEY_DESCRIPTION =
      "Retry-safe key: the same key and body return the same operation, and the provider is asked"
          + " once; the same key with another body is refused with 422. 1 to 255 visible ASCII"
          + " characters.";

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
   * @param body the transfer
   * @param uri the request's URI info
   * @param request the HTTP request, for the idempotency key
   * @return 202 with the operation
   */
  @POST
  @Path("/transfers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "transferCall",
      summary = "Transfer the call",
      description =
          "Blind, or consultative when replacesCallId names the consultation call. Answers 202"
              + " with the operation; follow it at the Location or its events stream.")
  @Parameter(
      name = Submissions.IDEMPOTENCY_KEY,
      in = ParameterIn.HEADER,
      description = IDEMPOTENCY_KEY_DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = Requests.TransferRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the operation follows",
      headers = @Header(name = "Location", description = "The operation's URL"),
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "409",
      description =
          "A transfer of this call is under way, or the operationContext is in use by an"
              + " unfinished operation on the call",
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
  public Response transfer(
      @PathParam("callId") String callId,
      @Parameter(hidden = true) String body,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Submissions.Prepared<CallTransfer> prepared =
        Submissions.prepare(
            request, bodies, body, Requests.TransferRequest.class, r -> r.toCommand(callId));
    return Submissions.accepted(uri, prepared, transfers::transfer);
  }

  /**
   * Invites a participant into the call.
   *
   * @param callId the call
   * @param body the invitation
   * @param uri the request's URI info
   * @param request the HTTP request, for the idempotency key
   * @return 202 with the operation
   */
  @POST
  @Path("/participants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addParticipant",
      summary = "Add a participant to the call",
      description = "The operation carries the provider's invitationId once the provider has it.")
  @Parameter(
      name = Submissions.IDEMPOTENCY_KEY,
      in = ParameterIn.HEADER,
      description = IDEMPOTENCY_KEY_DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = Requests.AddParticipantRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the operation follows",
      headers = @Header(name = "Location", description = "The operation's URL"),
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "The operationContext is in use by an unfinished operation on the call",
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
  public Response addParticipant(
      @PathParam("callId") String callId,
      @Parameter(hidden = true) String body,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Submissions.Prepared<AddParticipant> prepared =
        Submissions.prepare(
            request, bodies, body, Requests.AddParticipantRequest.class, r -> r.toCommand(callId));
    return Submissions.accepted(uri, prepared, adds::addParticipant);
  }

  /**
   * Withdraws an unanswered invitation.
   *
   * @param callId the call
   * @param invitationId the invitation, as the add operation reported it
   * @param uri the request's URI info
   * @param request the HTTP request, for the idempotency key
   * @return 202 with the cancel operation
   */
  @DELETE
  @Path("/participants/invitations/{invitationId}")
  @Operation(
      operationId = "cancelInvitation",
      summary = "Cancel an invitation",
      description = "When the provider confirms, the add operation becomes CANCELLED.")
  @Parameter(
      name = Submissions.IDEMPOTENCY_KEY,
      in = ParameterIn.HEADER,
      description = IDEMPOTENCY_KEY_DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the cancel operation follows",
      headers = @Header(name = "Location", description = "The operation's URL"),
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "422",
      description = "The provider cannot cancel invitations, or the idempotency key was reused",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response cancelInvitation(
      @PathParam("callId") String callId,
      @PathParam("invitationId") String invitationId,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Submissions.Prepared<CancelAddParticipant> prepared =
        Submissions.prepare(request, () -> Requests.cancel(callId, invitationId));
    return Submissions.accepted(uri, prepared, cancels::cancelAddParticipant);
  }
}
