package dev.handoff.app.callbacks;

import dev.handoff.adapter.acs.events.AcsDelivery;
import dev.handoff.app.runtime.ProviderCallbacks;
import dev.handoff.ports.in.EventReport;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Azure Communication Services deliveries: mid-call CloudEvents, and Event Grid's IncomingCall
 * events and validation handshake. Each delivery is authenticated, parsed, checked against what its
 * URL binds it to (see {@link BoundDeliveries}), and recorded before it is acknowledged, so that a
 * provider retry follows any failure.
 */
@Path("/callbacks/acs")
@Tag(name = "callbacks")
@Blocking
public class AcsCallbackResource {
  private final ProviderCallbacks callbacks;
  private final BoundDeliveries deliveries;
  private final IncomingCallStore incoming;
  private final CallbackMetrics metrics;

  @Inject
  AcsCallbackResource(
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
   * @param authorization the bearer token ACS signs each mid-call callback with
   * @param eventGridType set by Event Grid on its deliveries
   * @param uri the request URI
   * @param body the delivery
   * @return 200 (with the validation response for the handshake)
   */
  @POST
  @Consumes({MediaType.APPLICATION_JSON, "application/cloudevents-batch+json", MediaType.WILDCARD})
  @Operation(
      summary = "ACS callbacks",
      description =
          "Mid-call CloudEvents (authenticated by their JWT) and Event Grid deliveries"
              + " (authenticated by the secret in the webhook URL).")
  public Response receive(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("aeg-event-type") String eventGridType,
      @Context UriInfo uri,
      String body) {
    if (callbacks.acs().isEmpty()) {
      throw new CallbackRefused(404, "not-configured", "The service does not use ACS");
    }
    AcsDelivery delivery =
        callbacks.acs().get().read(authorization, eventGridType, uri.getRequestUri(), body);
    if (delivery instanceof AcsDelivery.SubscriptionValidation) {
      metrics.received("acs", 0);
      return Response.ok(((AcsDelivery.SubscriptionValidation) delivery).responseBody())
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
    AcsDelivery.Events batch = (AcsDelivery.Events) delivery;
    EventReport report = deliveries.record(uri.getRequestUri(), batch.events());
    report.incomingCalls().forEach(incoming::announce);
    metrics.received("acs", batch.events().size());
    return Response.ok().build();
  }
}
