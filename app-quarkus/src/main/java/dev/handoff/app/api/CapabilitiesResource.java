package dev.handoff.app.api;

import dev.handoff.app.api.json.CapabilitiesJson;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.ports.service.HandoffService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the configured provider can carry. */
@Path("/v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "capabilities")
public class CapabilitiesResource {
  private final HandoffService service;
  private final HandoffConfig config;

  @Inject
  CapabilitiesResource(HandoffService service, HandoffConfig config) {
    this.service = service;
    this.config = config;
  }

  /**
   * @return the provider's capabilities
   */
  @GET
  @Operation(
      operationId = "getCapabilities",
      summary = "What the provider can carry",
      description =
          "A request needing anything not listed is refused with 422 before it is sent. emulated"
              + " says whether the provider is the embedded emulator, with which nothing real"
              + " happens.")
  @APIResponse(
      responseCode = "200",
      description = "The provider's capabilities",
      content = @Content(schema = @Schema(implementation = CapabilitiesJson.class)))
  public CapabilitiesJson capabilities() {
    return CapabilitiesJson.of(
        service.capabilities(), config.provider() == HandoffConfig.Provider.EMULATOR);
  }
}
