package dev.handoff.app.api;

import dev.handoff.app.api.json.OperationJson;
import dev.handoff.domain.Violations;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.OperationFilter;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.SubscribeToAllOperationChangesUseCase;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every operation's changes as one Server-Sent Events stream: what a live list of operations (the
 * console's, or a dashboard's) follows.
 */
@Path("/v1/operations/events")
@Tag(name = "operations")
public class OperationChangesResource {
  /** How many changes may wait for a slow reader before its stream is ended. */
  static final int BUFFERED_CHANGES = 1024;

  /** How often an idle stream carries a comment, so that proxies keep it open. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final SubscribeToAllOperationChangesUseCase changes;

  @Inject
  OperationChangesResource(SubscribeToAllOperationChangesUseCase changes) {
    this.changes = changes;
  }

  /**
   * Streams the changes of every operation that matches the filter, from now on.
   *
   * @param state only changes that leave an operation in this state
   * @param kind only operations of this kind
   * @param callId only operations on this call
   * @param provider only operations this provider carries
   * @param sse the SSE context
   * @return the stream: {@code subscribed} once, then one {@code operation} event per change
   */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Follow every operation",
      description =
          "Server-Sent Events. First an event named 'subscribed' (data: the filter as understood):"
              + " from then on, every change stored on any operation that matches the filter,"
              + " evaluated on the operation after the change, is sent as an event named"
              + " 'operation' whose data is the operation and whose id is '<operation id>:<version>'."
              + " For each operation the versions arrive in increasing order, each once. No earlier"
              + " changes are replayed: read GET /v1/operations after 'subscribed' to know what"
              + " happened before. The stream does not end by itself; an idle stream carries a"
              + " comment every 15 s. A reader that falls 1,024 changes behind is disconnected and"
              + " should subscribe again, then read the list again.")
  @APIResponse(
      responseCode = "200",
      description = "The stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(responseCode = "400", description = "A filter value is not valid")
  public Multi<OutboundSseEvent> events(
      @Parameter(
              description =
                  "REQUESTED, SUBMITTED, IN_PROGRESS, ACCEPTED, COMPLETED, FAILED, CANCELLED or"
                      + " UNKNOWN")
          @QueryParam("state")
          String state,
      @Parameter(description = "TRANSFER, ADD_PARTICIPANT, CANCEL_ADD_PARTICIPANT or REDIRECT")
          @QueryParam("kind")
          String kind,
      @QueryParam("callId") String callId,
      @Parameter(description = "The provider's id: acs or graph") @QueryParam("provider")
          String provider,
      @Context Sse sse) {
    OperationFilter filter = filter(state, kind, callId, provider);
    Multi<OutboundSseEvent> stream =
        Multi.createFrom()
            .<OutboundSseEvent>emitter(
                emitter -> {
                  Subscription subscription =
                      changes.subscribeAll(
                          filter,
                          new OperationListener() {
                            @Override
                            public void onChange(dev.handoff.domain.operation.Operation operation) {
                              emitter.emit(changeEvent(sse, operation));
                            }
                          });
                  emitter.onTermination(subscription::close);
                  emitter.emit(
                      sse.newEventBuilder()
                          .name("subscribed")
                          .mediaType(MediaType.APPLICATION_JSON_TYPE)
                          .data(Map.class, describe(filter))
                          .build());
                },
                BUFFERED_CHANGES);
    Multi<OutboundSseEvent> keepAlive =
        Multi.createFrom()
            .ticks()
            .startingAfter(KEEP_ALIVE)
            .every(KEEP_ALIVE)
            .onOverflow()
            .drop()
            .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
    return Multi.createBy().merging().streams(stream, keepAlive);
  }

  private static OutboundSseEvent changeEvent(
      Sse sse, dev.handoff.domain.operation.Operation operation) {
    return sse.newEventBuilder()
        .name("operation")
        .id(operation.id().value() + ":" + operation.version())
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(OperationJson.class, OperationJson.of(operation))
        .build();
  }

  private static OperationFilter filter(String state, String kind, String callId, String provider) {
    Violations v = Violations.of("query");
    OperationState inState = QueryValues.enumValue(v, "state", state, OperationState.class);
    OperationKind ofKind = QueryValues.enumValue(v, "kind", kind, OperationKind.class);
    ProviderId carriedBy = QueryValues.provider(v, "provider", provider);
    OperationFilter filter =
        v.nested(
            "",
            () ->
                new OperationFilter(
                    Optional.ofNullable(callId),
                    Optional.ofNullable(inState),
                    Optional.ofNullable(ofKind),
                    Optional.ofNullable(carriedBy)));
    v.throwIfAny();
    return filter;
  }

  private static Map<String, String> describe(OperationFilter filter) {
    Map<String, String> shown = new LinkedHashMap<>();
    filter.state().ifPresent(s -> shown.put("state", s.name()));
    filter.kind().ifPresent(k -> shown.put("kind", k.name()));
    filter.callId().ifPresent(c -> shown.put("callId", c));
    filter.provider().ifPresent(p -> shown.put("provider", p.value()));
    return shown;
  }
}
