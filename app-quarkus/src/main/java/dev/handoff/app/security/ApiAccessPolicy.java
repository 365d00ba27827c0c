package dev.handoff.app.security;

import dev.handoff.app.config.HandoffConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The policy of {@code /v1/*}: an authenticated caller, unless authentication is configured off
 * ({@code handoff.api.auth=none}, which only the demo profile does).
 */
@ApplicationScoped
public class ApiAccessPolicy implements HttpSecurityPolicy {
  private final HandoffConfig config;

  @Inject
  ApiAccessPolicy(HandoffConfig config) {
    this.config = config;
  }

  @Override
  public Uni<CheckResult> checkPermission(
      RoutingContext request,
      Uni<SecurityIdentity> identity,
      AuthorizationRequestContext requestContext) {
    if (config.api().auth() == HandoffConfig.AuthMode.NONE) {
      return Uni.createFrom().item(CheckResult.PERMIT);
    }
    return identity.map(who -> who.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
  }

  @Override
  public String name() {
    return "handoff-api";
  }
}
