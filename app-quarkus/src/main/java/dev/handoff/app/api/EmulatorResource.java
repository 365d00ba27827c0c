package dev.handoff.app.api;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.emulator.HandoffEmulator;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

  @Inject
  EmulatorResource(EmbeddedEmulator emulator) {
    this.emulator = emulator;
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
  public record NewCall(String callId, List<String> participants) {}

  /**
   * @param request optionally, the id the call should have and its participants
   * @return a new connected call whose events come to this service
   */
  @POST
  @Path("/calls")
  @Operation(
      summary = "Create a call in the emulator, ready to be transferred",
      description =
          "Optionally with a chosen id and participants ({\"callId\":\"...\",\"participants\":"
              + "[\"user:...\"]}); 409 when the id exists, 400 when a participant is not"
              + " understood.")
  public Response createCall(NewCall request) {
    running();
    String id = request == null ? null : request.callId();
    List<String> participants =
        request == null || request.participants() == null ? List.of() : request.participants();
    EmbeddedEmulator.EmulatedCall call;
    try {
      call = emulator.createCall(id, participants);
    } catch (IllegalArgumentException refused) {
      boolean exists = refused.getMessage() != null && refused.getMessage().contains("exists");
      return ProblemMappers.problem(
          exists ? 409 : 400,
          exists ? "call-exists" : "invalid-call",
          "The call cannot be created",
          refused.getMessage(),
          null,
          null,
          null);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("callId", call.callId());
    if (call.serverCallId() != null) {
      body.put("serverCallId", call.serverCallId());
    }
    body.put(
        "participants",
        call.participants().stream()
            .map(
                party -> {
                  Map<String, String> each = new LinkedHashMap<>();
                  each.put("participant", party.participant());
                  if (party.callParticipantId() != null) {
                    each.put("callParticipantId", party.callParticipantId());
                  }
                  return each;
                })
            .collect(Collectors.toList()));
    return Response.status(201).entity(body).build();
  }
}
