package dev.handoff.app.api;

import dev.handoff.app.api.json.CapabilitiesJson;
import dev.handoff.ports.service.HandoffService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the configured provider can carry. */
@Path("/v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "capabilities")
public class CapabilitiesResource {
  private final HandoffService service;

  @Inject
  CapabilitiesResource(HandoffService service) {
    this.service = service;
  }

  /**
   * @return the provider's capabilities
   */
  @GET
  @Operation(
      summary = "What the provider can carry",
      description = "A request needing anything not listed is refused with 422 before it is sent.")
  public CapabilitiesJson capabilities() {
    return CapabilitiesJson.of(service.capabilities());
  }
}
