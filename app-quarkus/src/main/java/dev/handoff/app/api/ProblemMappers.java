package dev.handoff.app.api;

import dev.handoff.adapter.postgres.PostgresStoreException;
import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.InvalidCursorException;
import dev.handoff.ports.StoreFullException;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure the API can meet into an RFC 9457 problem detail: the application's own
 * refusals, the framework's (no route, a method, media type or Accept the route does not take) and
 * anything unexpected, which is logged and answered 500 without its internals.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** Unprocessable content (RFC 9110), which the JAX-RS status enum lacks. */
  static final int UNPROCESSABLE = 422;

  /** How long a client should wait before retrying when the store is full. */
  static final int STORE_FULL_RETRY_SECONDS = 30;

  /** How long a client should wait before retrying a change that lost to concurrent ones. */
  static final int CONCURRENT_UPDATE_RETRY_SECONDS = 1;

  static Response problem(
      int status,
      String slug,
      String title,
      String detail,
      UriInfo uri,
      List<ProblemJson.ViolationJson> violations,
      String operationId) {
    return Problems.response(
        Problems.of(
            status,
            slug,
            title,
            detail,
            uri == null ? null : uri.getPath(),
            violations,
            operationId));
  }

  @ServerExceptionMapper
  Response invalid(ValidationException e, UriInfo uri) {
    int count = e.violations().size();
    return problem(
        Response.Status.BAD_REQUEST.getStatusCode(),
        "invalid-request",
        "The request is invalid",
        count == 1
            ? "1 rule is broken; see violations"
            : count + " rules are broken; see violations",
        uri,
        e.violations().stream()
            .map(
                v -> new ProblemJson.ViolationJson(v.path(), v.rule(), v.shownValue().orElse(null)))
            .collect(Collectors.toList()),
        null);
  }

  @ServerExceptionMapper
  Response unsupported(UnsupportedByProviderException e, UriInfo uri) {
    return problem(
        UNPROCESSABLE,
        "unsupported-by-provider",
        "The provider cannot carry this request",
        "Provider '" + e.provider() + "' cannot carry what the request asks for; nothing was sent",
        uri,
        e.violations().stream()
            .map(v -> new ProblemJson.ViolationJson(v.path(), v.problem(), null))
            .collect(Collectors.toList()),
        null);
  }

  @ServerExceptionMapper
  Response idempotencyConflict(IdempotencyConflictException e, UriInfo uri) {
    return problem(
        UNPROCESSABLE,
        "idempotency-key-reused",
        "The idempotency key was used for another request",
        e.getMessage(),
        uri,
        null,
        e.existing().value());
  }

  @ServerExceptionMapper
  Response conflict(OperationConflictException e, UriInfo uri) {
    return problem(
        Response.Status.CONFLICT.getStatusCode(),
        "operation-conflict",
        "A conflicting operation is under way",
        e.getMessage(),
        uri,
        null,
        e.conflicting().value());
  }

  @ServerExceptionMapper
  Response notFound(OperationNotFoundException e, UriInfo uri) {
    return problem(
        Response.Status.NOT_FOUND.getStatusCode(),
        "not-found",
        "No such operation",
        e.getMessage(),
        uri,
        null,
        e.id().value());
  }

  @ServerExceptionMapper
  Response noRoute(NotFoundException e, UriInfo uri) {
    return Problems.response(Problems.forStatus(404, null, uri.getPath()));
  }

  /**
   * What the framework refuses before a resource runs: 405 (the {@code Allow} header says what the
   * path takes), 406, 415, and any other status a {@link WebApplicationException} carries.
   */
  @ServerExceptionMapper
  Response framework(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String detail = null;
    if (status == 415) {
      detail =
          "Send the body as application/json; it was sent as "
              + Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))
                  .map(type -> "'" + type + "'")
                  .orElse("no content type");
    } else if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) != null) {
      detail = "This path takes " + original.getHeaderString(HttpHeaders.ALLOW);
    } else if (status >= 500) {
      LOG.errorf(e, "Request failed: %s", uri.getPath());
    }
    Response.ResponseBuilder answer =
        Response.fromResponse(Problems.response(Problems.forStatus(status, detail, uri.getPath())));
    Optional.ofNullable(original.getHeaderString(HttpHeaders.ALLOW))
        .ifPresent(allow -> answer.header(HttpHeaders.ALLOW, allow));
    Optional.ofNullable(original.getHeaderString("Retry-After"))
        .ifPresent(retry -> answer.header("Retry-After", retry));
    return answer.build();
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  Response unauthenticated(RuntimeException e, UriInfo uri) {
    return Response.fromResponse(Problems.response(Problems.forStatus(401, null, uri.getPath())))
        .header("WWW-Authenticate", "ApiKey, Bearer")
        .build();
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e, UriInfo uri) {
    return Problems.response(Problems.forStatus(403, null, uri.getPath()));
  }

  /** The in-memory store holds only unfinished operations: room appears as they finish. */
  @ServerExceptionMapper
  Response storeFull(StoreFullException e, UriInfo uri) {
    LOG.warnf("Request refused, the store is full: %s", e.getMessage());
    return Response.fromResponse(
            problem(
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "store-full",
                "The service holds too many unfinished operations",
                "The service holds as many unfinished operations as it can ("
                    + e.capacity()
                    + "); retry once some have finished",
                uri,
                null,
                null))
        .header("Retry-After", String.valueOf(STORE_FULL_RETRY_SECONDS))
        .build();
  }

  /**
   * A page cursor the service did not issue: the client's fault, so 400 naming the parameter, in
   * the same shape as every other invalid query parameter.
   */
  @ServerExceptionMapper
  Response invalidCursor(InvalidCursorException e, UriInfo uri) {
    return problem(
        Response.Status.BAD_REQUEST.getStatusCode(),
        "invalid-cursor",
        "The page cursor is invalid",
        "The cursor is not one this service issued; list again from the first page",
        uri,
        List.of(
            new ProblemJson.ViolationJson(
                "cursor",
                "is not a cursor this service issued",
                uri == null ? null : uri.getQueryParameters().getFirst("cursor"))),
        null);
  }

  /**
   * Other changes of the same operation kept winning: transient contention, not a conflict the
   * client must resolve (that is {@code operation-conflict}, 409), so 503 with a short Retry-After;
   * a retried submission with its Idempotency-Key, or a redelivered callback, is safe.
   */
  @ServerExceptionMapper
  Response concurrentUpdate(ConcurrentUpdateException e, UriInfo uri) {
    LOG.warnf("Request gave up under contention: %s", e.getMessage());
    return Response.fromResponse(
            problem(
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "concurrent-update",
                "The operation is changing too often to change it now",
                "Other changes of the same operation kept coming first; retry shortly",
                uri,
                null,
                null))
        .header("Retry-After", String.valueOf(CONCURRENT_UPDATE_RETRY_SECONDS))
        .build();
  }

  @ServerExceptionMapper
  Response storeUnavailable(PostgresStoreException e, UriInfo uri) {
    LOG.errorf(e, "The operation store failed: %s", uri.getPath());
    return Response.fromResponse(
            problem(
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "store-unavailable",
                "The operation store cannot be reached",
                "The operation store cannot be reached; retry later",
                uri,
                null,
                null))
        .header("Retry-After", "5")
        .build();
  }

  /** Anything unexpected: logged with its stack trace, answered without it. */
  @ServerExceptionMapper
  Response unexpected(Exception e, UriInfo uri) {
    LOG.errorf(e, "Unexpected failure handling %s", uri.getPath());
    return Problems.response(Problems.forStatus(500, null, uri.getPath()));
  }
}
