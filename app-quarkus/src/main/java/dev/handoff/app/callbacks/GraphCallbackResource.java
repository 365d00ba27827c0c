package dev.handoff.app.callbacks;

import dev.handoff.app.runtime.ProviderCallbacks;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.ports.out.IncomingCallStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Microsoft Graph commsNotifications: authenticated by their bearer JWT (its tenant one the bot
 * serves), parsed, checked against what their URL binds them to (see {@link BoundDeliveries}), and
 * recorded before they are acknowledged with 202.
 */
@Path("/callbacks/graph")
@Tag(name = "callbacks")
@Blocking
public class GraphCallbackResource {
  private final ProviderCallbacks callbacks;
  private final BoundDeliveries deliveries;
  private final IncomingCallStore incoming;
  private final CallbackMetrics metrics;

  @Inject
  GraphCallbackResource(
      ProviderCallbacks callbacks,
      BoundDeliveries deliveries,
      IncomingCallStore incoming,
      CallbackMetrics metrics) {
    this.callbacks = callbacks;
    this.deliveries = deliveries;
    this.incoming = incoming;
    this.metrics = metrics;
  }

  /**
   * @param authorization the bearer token Graph signs each notification with
   * @param uri the request URI, whose query may bind the delivery to a call or an operation
   * @param body the notifications
   * @return 202
   */
  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Operation(summary = "Graph notifications")
  public Response receive(
      @HeaderParam("Authorization") String authorization, @Context UriInfo uri, String body) {
    if (callbacks.graph().isEmpty()) {
      throw new CallbackRefused(404, "not-configured", "The service does not use Microsoft Graph");
    }
    List<ProviderEvent> received = callbacks.graph().get().read(authorization, body);
    deliveries.record(uri.getRequestUri(), received).incomingCalls().forEach(incoming::announce);
    metrics.received("graph", received.size());
    return Response.accepted().build();
  }
}
