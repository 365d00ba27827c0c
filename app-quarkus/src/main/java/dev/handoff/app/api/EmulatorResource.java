package dev.handoff.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.domain.Shown;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import dev.handoff.emulator.HandoffEmulator;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The embedded emulator, when it is the provider: where it is, which provider it plays, and new
 * calls wired to this service. 404 with any other provider.
 */
@Path("/v1/emulator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "emulator")
public class EmulatorResource {
  private final EmbeddedEmulator emulator;
  private final JsonBodies bodies;

  @Inject
  EmulatorResource(EmbeddedEmulator emulator, JsonBodies bodies) {
    this.emulator = emulator;
    this.bodies = bodies;
  }

  private HandoffEmulator running() {
    if (!emulator.enabled()) {
      throw new NotFoundException();
    }
    return emulator.running();
  }

  /**
   * @return where the embedded emulator listens, which provider it plays, and how to drive it
   */
  @GET
  @Operation(
      operationId = "describeEmulator",
      summary = "The embedded emulator",
      description =
          "The provider it plays (acs or graph), its control API (script outcomes, inject faults,"
              + " read the journal) and the demo call.")
  public Map<String, Object> describe() {
    HandoffEmulator running = running();
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("provider", emulator.graph() ? "graph" : "acs");
    description.put("controlUrl", running.controlUrl().toString());
    if (emulator.graph()) {
      description.put("graphBaseUrl", running.graph().httpBaseUrl().toString());
    } else {
      description.put("acsEndpoint", running.acs().httpEndpoint().toString());
    }
    description.put("callbacksJournalUrl", running.controlUrl() + "/journal/callbacks");
    description.put("demoCallId", emulator.demoCallId());
    description.put("callbackUri", emulator.callbackUri().toString());
    return description;
  }

  /**
   * A call to create.
   *
   * @param callId the id it should have; generated when absent
   * @param participants the parties besides the application, in the emulator's notation (ACS raw
   *     ids such as {@code 4:+14255550100}; Graph identities such as {@code phone:+14255550100} or
   *     {@code user:<id>}); the demo caller when absent; several make a group call
   */
  @Schema(name = "NewEmulatorCall")
  public record NewCall(
      @Schema(
              description = "1 to 128 letters, digits, '-' or '_'; generated when absent",
              pattern = "^[A-Za-z0-9_-]{1,128}$")
          String callId,
      @Schema(
              description =
                  "The parties besides the application: ACS raw ids (4:+14255550100, 8:acs:...)"
                      + " or Graph identities (phone:+14255550100, user:<id>); the demo caller"
                      + " when absent; several make a group call")
          List<String> participants) {}

  /**
   * The call created.
   *
   * @param callId the call id, to transfer (the call connection id with ACS, the call id with
   *     Graph)
   * @param serverCallId the server call id (ACS only)
   * @param participants the parties besides the application
   */
  @Schema(name = "EmulatorCall")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreatedCall(String callId, String serverCallId, List<CreatedParty> participants) {}

  /**
   * A party of a created call.
   *
   * @param participant the party, in the emulator's notation
   * @param callParticipantId its participant id in the call (Graph only)
   */
  @Schema(name = "EmulatorCallParticipant")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CreatedParty(String participant, String callParticipantId) {}

  private static final java.util.regex.Pattern CALL_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /**
   * @param contentType the body's media type; a body must be JSON, no body needs none
   * @param body optionally, {@code {"callId": "...", "participants": ["..."]}}
   * @return a new connected call whose events come to this service
   */
  @POST
  @Path("/calls")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "createEmulatorCall",
      summary = "Create a call in the emulator, ready to be transferred",
      description =
          "Optionally with a chosen id and participants ({\"callId\":\"...\",\"participants\":"
              + "[\"user:...\"]}); without a body the id is generated and the demo caller joins."
              + " 409 when a call with the id exists, 400 when a participant is not understood.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NewCall.class)))
  @APIResponse(
      responseCode = "201",
      description = "The call, connected, with its events going to this service",
      content = @Content(schema = @Schema(implementation = CreatedCall.class)))
  @APIResponse(
      responseCode = "400",
      description = "The call id or a participant is not understood (invalid-request)",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "The provider is not the embedded emulator",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  @APIResponse(
      responseCode = "409",
      description = "A call with this id exists",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Response createCall(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @Parameter(hidden = true) String body) {
    running();
    boolean hasBody = body != null && !body.isBlank();
    if (hasBody && !isJson(contentType)) {
      throw new NotSupportedException();
    }
    Optional<NewCall> request = bodies.readOptional(body, NewCall.class);
    String id = request.map(NewCall::callId).orElse(null);
    if (id != null && !CALL_ID.matcher(id).matches()) {
      throw new ValidationException(
          "NewCall",
          List.of(
              new Violation(
                  "callId",
                  "must be 1 to 128 letters, digits, '-' or '_'",
                  Optional.of(Shown.value(id)))));
    }
    List<String> participants =
        request.map(NewCall::participants).filter(list -> list != null).orElse(List.of());
    EmbeddedEmulator.EmulatedCall call;
    try {
      call = emulator.createCall(id, participants);
    } catch (IllegalArgumentException refused) {
      boolean exists = refused.getMessage() != null && refused.getMessage().contains("exists");
      if (!exists) {
        throw new ValidationException(
            "NewCall",
            List.of(
                new Violation(
                    "participants", String.valueOf(refused.getMessage()), Optional.empty())));
      }
      return ProblemMappers.problem(
          409, "call-exists", "The call cannot be created", refused.getMessage(), null, null, null);
    }
    List<CreatedParty> parties =
        call.participants().stream()
            .map(party -> new CreatedParty(party.participant(), party.callParticipantId()))
            .toList();
    return Response.status(201)
        .type(MediaType.APPLICATION_JSON)
        .entity(new CreatedCall(call.callId(), call.serverCallId(), parties))
        .build();
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(contentType);
      return type.getType().equalsIgnoreCase("application")
          && (type.getSubtype().equalsIgnoreCase("json")
              || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }
}
