package dev.handoff.app.callbacks;

import dev.handoff.app.api.json.ProblemJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused callback with a problem detail and counts it. */
public class CallbackProblems {
  private static final Logger LOG = Logger.getLogger(CallbackProblems.class);

  @Inject CallbackMetrics metrics;

  @ServerExceptionMapper
  Response refused(CallbackRefused refused, UriInfo uri) {
    String provider = uri.getPath().contains("/graph") ? "graph" : "acs";
    metrics.rejected(provider, refused.reason());
    LOG.warnf("Refused a %s callback (%s): %s", provider, refused.reason(), refused.getMessage());
    return Response.status(refused.status())
        .type(ProblemJson.MEDIA_TYPE)
        .entity(
            new ProblemJson(
                "urn:handoff:problem:callback-" + refused.reason(),
                "Callback refused",
                refused.status(),
                refused.getMessage(),
                uri.getPath(),
                null,
                null))
        .build();
  }
}
