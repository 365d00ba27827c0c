package dev.handoff.app.callbacks;

import dev.handoff.app.api.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a refused callback with a problem detail, typed {@code callback-<reason>} in kebab-case
 * like every other problem, and counts it under the same reason.
 */
public class CallbackProblems {
  private static final Logger LOG = Logger.getLogger(CallbackProblems.class);

  @Inject CallbackMetrics metrics;

  @ServerExceptionMapper
  Response refused(CallbackRefused refused, UriInfo uri) {
    String provider = uri.getPath().contains("/graph") ? "graph" : "acs";
    String reason = Problems.slug(refused.reason());
    metrics.rejected(provider, reason);
    LOG.warnf("Refused a %s callback (%s): %s", provider, reason, refused.getMessage());
    Response answer =
        Problems.response(
            Problems.of(
                refused.status(),
                "callback-" + reason,
                "Callback refused",
                detail(refused.getMessage()),
                uri.getPath(),
                null,
                null));
    return refused
        .retryAfterSeconds()
        .map(seconds -> Response.fromResponse(answer).header("Retry-After", seconds).build())
        .orElse(answer);
  }

  /** The adapters prefix their messages with the reason's constant; the type already says it. */
  private static String detail(String message) {
    return message == null
        ? "The delivery was refused"
        : message.replaceFirst("^[A-Z][A-Z_]+: ", "");
  }
}
