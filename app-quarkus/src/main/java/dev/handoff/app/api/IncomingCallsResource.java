package dev.handoff.app.api;

import dev.handoff.app.api.json.IncomingCallJson;
import dev.handoff.app.api.json.OperationJson;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.app.api.json.Requests;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.ports.in.RedirectCallUseCase;
import dev.handoff.ports.out.IncomingCallStore;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
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

/** Incoming calls the providers announced, and their redirection. */
@Path("/v1/incoming-calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incoming calls")
@Blocking
public class IncomingCallsResource {
  private final RedirectCallUseCase redirects;
  private final IncomingCallStore incoming;
  private final JsonBodies bodies;
  private final int listLimit;

  @Inject
  IncomingCallsResource(
      RedirectCallUseCase redirects,
      IncomingCallStore incoming,
      JsonBodies bodies,
      HandoffConfig config) {
    this.redirects = redirects;
    this.incoming = incoming;
    this.listLimit = config.incomingCalls().capacity();
    this.bodies = bodies;
  }

  /**
   * @return the incoming calls announced recently, newest first
   */
  @GET
  @Operation(
      operationId = "listIncomingCalls",
      summary = "Recent incoming calls",
      description =
          "The calls the provider announced to this service recently, newest first, with the"
              + " incomingCallContext needed to redirect them.")
  public List<IncomingCallJson> recent() {
    return incoming.recent(listLimit).stream()
        .map(IncomingCallJson::of)
        .collect(Collectors.toList());
  }

  /**
   * Redirects an incoming call before it is answered.
   *
   * @param callId the incoming call's id
   * @param body the redirect
   * @param uri the request's URI info
   * @param request the HTTP request, for the idempotency key
   * @return 202 with the operation
   */
  @POST
  @Path("/{callId}/redirect")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redirectIncomingCall",
      summary = "Redirect an incoming call",
      description =
          "Before it is answered, with the incomingCallContext the call was announced with.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      description = CallsResource.IDEMPOTENCY_KEY_DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = Requests.RedirectRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the operation follows",
      headers = @Header(name = "Location", description = "The operation's URL"),
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "A redirect of this call is under way",
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
  public Response redirect(
      @PathParam("callId") String callId,
      @Parameter(hidden = true) String body,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Submissions.Prepared<RedirectCall> prepared =
        Submissions.prepare(
            request, bodies, body, Requests.RedirectRequest.class, r -> r.toCommand(callId));
    return Submissions.accepted(uri, prepared, redirects::redirect);
  }
}
