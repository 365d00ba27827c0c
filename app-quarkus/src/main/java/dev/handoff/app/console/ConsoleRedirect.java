package dev.handoff.app.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sends {@code /console} to {@code /console/}, where the static page is served, so that the page's
 * relative links resolve inside the console.
 */
@Path("/console")
public class ConsoleRedirect {
  /**
   * @return 302 to the console's page, relative, so that it holds behind a path prefix
   */
  @GET
  @Operation(hidden = true)
  public Response toPage() {
    return Response.status(Response.Status.FOUND).header("Location", "console/").build();
  }
}
