package dev.handoff.app.api;

import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.app.api.json.Requests;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure the API can meet into an RFC 9457 problem detail. */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final String TYPES = "urn:handoff:problem:";

  /** Unprocessable content (RFC 9110), which the JAX-RS status enum lacks. */
  static final int UNPROCESSABLE = 422;

  static Response problem(
      int status,
      String slug,
      String title,
      String detail,
      UriInfo uri,
      List<ProblemJson.ViolationJson> violations,
      String operationId) {
    return Response.status(status)
        .type(ProblemJson.MEDIA_TYPE)
        .entity(
            new ProblemJson(
                TYPES + slug,
                title,
                status,
                detail,
                uri == null ? null : uri.getPath(),
                violations,
                operationId))
        .build();
  }

  @ServerExceptionMapper
  Response invalid(ValidationException e, UriInfo uri) {
    return problem(
        Response.Status.BAD_REQUEST.getStatusCode(),
        "invalid-request",
        "The request is invalid",
        e.violations().size() + " rule(s) broken; see violations",
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
            .map(v -> new ProblemJson.ViolationJson(Requests.jsonPath(v.path()), v.problem(), null))
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
    return problem(
        Response.Status.NOT_FOUND.getStatusCode(),
        "not-found",
        "Not found",
        "No resource at this path",
        uri,
        null,
        null);
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  Response unauthenticated(RuntimeException e, UriInfo uri) {
    return Response.fromResponse(
            problem(
                Response.Status.UNAUTHORIZED.getStatusCode(),
                "unauthenticated",
                "Authentication required",
                "Send a valid API key in X-API-Key, or a valid bearer token, as configured",
                uri,
                null,
                null))
        .header("WWW-Authenticate", "ApiKey, Bearer")
        .build();
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e, UriInfo uri) {
    return problem(
        Response.Status.FORBIDDEN.getStatusCode(),
        "forbidden",
        "Forbidden",
        "Not allowed",
        uri,
        null,
        null);
  }

  @ServerExceptionMapper
  Response unavailable(IllegalStateException e, UriInfo uri) {
    LOG.warnf(e, "Request refused: %s", e.getMessage());
    return problem(
        Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
        "unavailable",
        "The service cannot take this request now",
        e.getMessage(),
        uri,
        null,
        null);
  }
}
