package dev.handoff.benchmarks.extensions;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The baseline app's trivial endpoint. */
@Path("/ping")
public class PingResource {
  /**
   * @return a constant JSON object
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ping() {
    return Map.of("pong", "ok");
  }
}
