package dev.handoff.app.api;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The embedded emulator, when it is the provider: where it is, and new calls wired to this service.
 * 404 with any other provider.
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
   * @return where the embedded emulator listens and how to drive it
   */
  @GET
  @Operation(
      summary = "The embedded emulator",
      description =
          "Its control API (script outcomes, inject faults, read the journal) and the demo call.")
  public Map<String, Object> describe() {
    HandoffEmulator running = running();
    return Map.of(
        "controlUrl", running.controlUrl().toString(),
        "acsEndpoint", running.acs().httpEndpoint().toString(),
        "callbacksJournalUrl", running.controlUrl() + "/journal/callbacks",
        "demoCallId", emulatorDemoCall(),
        "callbackUri", emulator.callbackUri().toString());
  }

  private String emulatorDemoCall() {
    return emulator.demoCallId();
  }

  /**
   * A call to create.
   *
   * @param callId the id it should have; generated when absent
   */
  public record NewCall(String callId) {}

  /**
   * @param request optionally, the id the call should have
   * @return a new connected call whose events come to this service
   */
  @POST
  @Path("/calls")
  @Operation(
      summary = "Create a call in the emulator, ready to be transferred",
      description = "Optionally with a chosen id ({\"callId\":\"...\"}); 409 when it exists.")
  public Response createCall(NewCall request) {
    running();
    String id = request == null ? null : request.callId();
    AcsCall call;
    try {
      call = emulator.createCall(id);
    } catch (IllegalArgumentException refused) {
      return ProblemMappers.problem(
          409, "call-exists", "The call cannot be created", refused.getMessage(), null, null, null);
    }
    return Response.status(201)
        .entity(Map.of("callId", call.callConnectionId(), "serverCallId", call.serverCallId()))
        .build();
  }
}
