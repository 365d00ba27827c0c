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

  /**
   * The policy of the management endpoints that may reveal more than health ({@code /q/metrics},
   * {@code /q/openapi}, {@code /q/swagger-ui}): the API's, unless {@code
   * handoff.api.protect-management=false}.
   */
  @ApplicationScoped
  public static class Management implements HttpSecurityPolicy {
    private final HandoffConfig config;
    private final ApiAccessPolicy api;

    @Inject
    Management(HandoffConfig config, ApiAccessPolicy api) {
      this.config = config;
      this.api = api;
    }

    @Override
    public Uni<CheckResult> checkPermission(
        RoutingContext request,
        Uni<SecurityIdentity> identity,
        AuthorizationRequestContext requestContext) {
      if (!config.api().protectManagement()) {
        return Uni.createFrom().item(CheckResult.PERMIT);
      }
      return api.checkPermission(request, identity, requestContext);
    }

    @Override
    public String name() {
      return "handoff-management";
    }
  }
}
