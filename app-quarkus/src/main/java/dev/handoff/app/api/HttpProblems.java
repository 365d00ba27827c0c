package dev.handoff.app.api;

import dev.handoff.app.api.json.ProblemJson;
import dev.handoff.app.config.HandoffConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Problem details for what the HTTP layer refuses before the REST layer sees a request: a body
 * whose Content-Length is over {@code handoff.api.max-body-size} (413, before anything is read),
 * and any other failure the HTTP server ends a request with. Without this they would be answered
 * with an empty body.
 */
@ApplicationScoped
public class HttpProblems {
  private static final Logger LOG = Logger.getLogger(HttpProblems.class);

  /** Before the HTTP server's own body limit (order -2), which answers without a body. */
  private static final int BEFORE_SERVER_LIMIT = -3;

  private final long maxBody;

  @Inject
  HttpProblems(HandoffConfig config) {
    this.maxBody = config.api().maxBodySize().asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(BEFORE_SERVER_LIMIT).handler(this::limitBody);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
  }

  private void limitBody(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && tooLarge(length)) {
      context.response().putHeader(HttpHeaders.CONNECTION, "close");
      write(context.response(), tooLarge(maxBody, context.normalizedPath()));
      return;
    }
    context.next();
  }

  private boolean tooLarge(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBody;
    } catch (NumberFormatException unreadable) {
      return false;
    }
  }

  /**
   * @param limit the limit in bytes
   * @param path the request path
   * @return the problem of a body over the limit
   */
  static ProblemJson tooLarge(long limit, String path) {
    return Problems.forStatus(
        413, "The body is larger than the " + limit + " bytes this service accepts", path);
  }

  private void failed(RoutingContext context) {
    HttpServerResponse response = context.response();
    if (response.ended() || response.headWritten() || isSecurity(context.failure())) {
      // Security failures are answered by the authentication mechanism's challenge, a problem too.
      context.next();
      return;
    }
    int status = context.statusCode();
    if (status < 400) {
      // A failure with an exception rather than a status: unexpected, so logged and answered 500.
      LOG.errorf(context.failure(), "Request failed: %s", context.normalizedPath());
      status = 500;
    }
    String detail = status == 413 ? tooLarge(maxBody, null).detail() : null;
    write(response, Problems.forStatus(status, detail, context.normalizedPath()));
  }

  private static boolean isSecurity(Throwable failure) {
    return failure instanceof AuthenticationFailedException
        || failure instanceof UnauthorizedException
        || failure instanceof ForbiddenException;
  }

  /**
   * @param response a response not yet written
   * @param problem the problem to answer with
   */
  public static void write(HttpServerResponse response, ProblemJson problem) {
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemJson.MEDIA_TYPE)
        .end(Problems.json(problem));
  }
}
