package dev.handoff.app.api;

import dev.handoff.app.runtime.CallbackEndpoint;
import dev.handoff.ports.callback.CallbackBinding;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The callback URI to point a call's events at when the application answers or creates it (Graph
 * {@code callbackUri}, ACS {@code callbackUri}): bound to that call, so that a delivery through it
 * is accepted only when it is about that call.
 */
@Path("/v1/calls/{callId}/callback-uri")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calls")
public class CallbackUriResource {
  private final CallbackBinding binding;
  private final CallbackEndpoint endpoint;

  @Inject
  CallbackUriResource(CallbackBinding binding, CallbackEndpoint endpoint) {
    this.binding = binding;
    this.endpoint = endpoint;
  }

  /**
   * @param callId the provider's id of the call
   * @return {@code {"callId", "callbackUri"}}
   */
  @GET
  @Operation(
      operationId = "getCallCallbackUri",
      summary = "The callback URI bound to a call",
      description =
          "Point the call's events at it when you answer or create the call. Where calls are bound"
              + " (handoff.callbacks.require-call-binding, on for Graph), a call's events are"
              + " accepted only through it.")
  @APIResponse(
      responseCode = "200",
      description = "The call's id and the callback URI bound to it: {\"callId\", \"callbackUri\"}")
  public Map<String, String> callbackUri(@PathParam("callId") String callId) {
    return Map.of(
        "callId", callId, "callbackUri", binding.callUri(endpoint.get(), callId).toString());
  }
}
