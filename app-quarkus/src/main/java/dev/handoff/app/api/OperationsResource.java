package dev.handoff.app.api;

import dev.handoff.app.api.json.OperationJson;
import dev.handoff.app.api.json.OperationPageJson;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.domain.Violations;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.GetOperationQuery;
import dev.handoff.ports.in.ListOperationsQuery;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.SubscribeToOperationChangesUseCase;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading and following operations. */
@Path("/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class OperationsResource {
  private static final int DEFAULT_LIMIT = 50;

  private final GetOperationQuery get;
  private final ListOperationsQuery list;
  private final SubscribeToOperationChangesUseCase subscriptions;

  @Inject
  OperationsResource(
      GetOperationQuery get,
      ListOperationsQuery list,
      SubscribeToOperationChangesUseCase subscriptions) {
    this.get = get;
    this.list = list;
    this.subscriptions = subscriptions;
  }

  /**
   * @param id the operation's id
   * @return the operation as it stands
   */
  @GET
  @Path("/{id}")
  @Blocking
  @Operation(operationId = "getOperation", summary = "Read an operation")
  @APIResponse(
      responseCode = "200",
      description = "The operation as it stands",
      content = @Content(schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such operation",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public OperationJson operation(@PathParam("id") String id) {
    return OperationJson.of(find(id));
  }

  /**
   * @param callId only operations on this call
   * @param state only operations in this state
   * @param kind only operations of this kind
   * @param provider only operations this provider carries
   * @param limit page size, 1 to 500
   * @param cursor where the previous page ended
   * @return one page, newest first
   */
  @GET
  @Blocking
  @Operation(
      operationId = "listOperations",
      summary = "List operations, newest first, one page at a time")
  @APIResponse(
      responseCode = "200",
      description = "One page; nextCursor continues it",
      content = @Content(schema = @Schema(implementation = OperationPageJson.class)))
  public OperationPageJson operations(
      @Parameter(description = "Only operations on this call") @QueryParam("callId") String callId,
      @Parameter(
              description = "Only operations in this state (case-insensitive)",
              schema =
                  @Schema(
                      enumeration = {
                        "REQUESTED",
                        "SUBMITTED",
                        "IN_PROGRESS",
                        "ACCEPTED",
                        "COMPLETED",
                        "FAILED",
                        "CANCELLED",
                        "UNKNOWN"
                      }))
          @QueryParam("state")
          String state,
      @Parameter(
              description = "Only operations of this kind (case-insensitive)",
              schema =
                  @Schema(
                      enumeration = {
                        "TRANSFER",
                        "ADD_PARTICIPANT",
                        "CANCEL_ADD_PARTICIPANT",
                        "REDIRECT",
                        "WARM_HANDOFF"
                      }))
          @QueryParam("kind")
          String kind,
      @Parameter(description = "Only operations carried by this provider (acs or graph)")
          @QueryParam("provider")
          String provider,
      @Parameter(
              description = "Page size",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "50"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "Where the previous page ended: its nextCursor")
          @QueryParam("cursor")
          String cursor) {
    Violations v = Violations.of("query");
    OperationState inState = enumValue(v, "state", state, OperationState.class);
    OperationKind ofKind = enumValue(v, "kind", kind, OperationKind.class);
    ProviderId carriedBy = QueryValues.provider(v, "provider", provider);
    int size = pageSize(v, limit);
    OperationQuery query =
        v.nested(
            "",
            () ->
                new OperationQuery(
                    Optional.ofNullable(callId),
                    Optional.ofNullable(inState),
                    Optional.ofNullable(ofKind),
                    Optional.ofNullable(carriedBy),
                    size,
                    Optional.ofNullable(cursor)));
    v.throwIfAny();
    return OperationPageJson.of(list.list(query));
  }

  /**
   * Streams the operation: its current state, then each change, until a final state.
   *
   * @param id the operation's id
   * @param sse the SSE context
   * @return the stream; each event is named {@code operation}, its id is the version
   */
  @GET
  @Path("/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Blocking
  @Operation(
      operationId = "followOperation",
      summary = "Follow an operation",
      description =
          "Server-Sent Events: the operation as it stands, then one event per change, until"
              + " COMPLETED, FAILED or CANCELLED. Each event is named 'operation'; its id is the"
              + " operation's version.")
  @APIResponse(
      responseCode = "200",
      description = "The stream of the operation's changes",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = OperationJson.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such operation",
      content =
          @Content(
              mediaType = ProblemJson.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemJson.class)))
  public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
    OperationId operationId = find(id).id();
    return Multi.createFrom()
        .emitter(
            emitter -> {
              Subscription subscription =
                  subscriptions.subscribe(
                      operationId,
                      new OperationListener() {
                        @Override
                        public void onChange(dev.handoff.domain.operation.Operation operation) {
                          emitter.emit(
                              sse.newEventBuilder()
                                  .name("operation")
                                  .id(Long.toString(operation.version()))
                                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                  .data(OperationJson.class, OperationJson.of(operation))
                                  .build());
                        }

                        @Override
                        public void onEnd() {
                          emitter.complete();
                        }
                      });
              emitter.onTermination(subscription::close);
            },
            BackPressureStrategy.BUFFER);
  }

  private dev.handoff.domain.operation.Operation find(String id) {
    Violations v = Violations.of("path");
    OperationId operationId = v.nested("id", () -> OperationId.of(id));
    v.throwIfAny();
    return get.find(operationId).orElseThrow(() -> new OperationNotFoundException(operationId));
  }

  private static int pageSize(Violations v, String limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(limit.trim());
    } catch (NumberFormatException notANumber) {
      v.check(false, "limit", "must be a whole number from 1 to 500", limit);
      return DEFAULT_LIMIT;
    }
  }

  private static <E extends Enum<E>> E enumValue(
      Violations v, String name, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      v.check(
          false,
          name,
          "must be one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(java.util.stream.Collectors.joining(", ")),
          value);
      return null;
    }
  }
}
