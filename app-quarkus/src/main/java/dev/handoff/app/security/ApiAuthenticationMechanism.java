package dev.handoff.app.security;

import dev.handoff.app.api.HttpProblems;
import dev.handoff.app.api.Problems;
import dev.handoff.app.config.HandoffConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authenticates API callers by an API key ({@code X-API-Key}) or a bearer JWT, as configured.
 * Requests without credentials stay anonymous; {@link ApiAccessPolicy} decides whether that is
 * enough.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {
  /** The API key header. */
  public static final String API_KEY_HEADER = "X-API-Key";

  private static final String CHALLENGE = "ApiKey, Bearer";

  private final HandoffConfig config;
  private final ApiKeys keys;
  private final BearerTokens tokens;

  @Inject
  ApiAuthenticationMechanism(HandoffConfig config, ApiKeys keys, BearerTokens tokens) {
    this.config = config;
    this.keys = keys;
    this.tokens = tokens;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    switch (config.api().auth()) {
      case API_KEY:
        String key = context.request().getHeader(API_KEY_HEADER);
        if (key == null) {
          return Uni.createFrom().nullItem();
        }
        return keys.identify(key)
            .map(label -> Uni.createFrom().item(identity("api-key:" + label)))
            .orElseGet(
                () ->
                    Uni.createFrom().failure(new AuthenticationFailedException("invalid API key")));
      case JWT:
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
          return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
            .item(() -> identity(tokens.verify(authorization.substring(7).trim())))
            .runSubscriptionOn(
                io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
      default:
        return Uni.createFrom().nullItem();
    }
  }

  private static SecurityIdentity identity(String principal) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(principal))
        .addRole("handoff-client")
        .build();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
  }

  /** Answers a refusal outside the REST layer (the management endpoints) as a problem too. */
  @Override
  public Uni<Boolean> sendChallenge(RoutingContext context) {
    HttpServerResponse response = context.response();
    if (!response.ended() && !response.headWritten()) {
      response.putHeader("WWW-Authenticate", CHALLENGE);
      HttpProblems.write(response, Problems.forStatus(401, null, context.normalizedPath()));
    }
    return Uni.createFrom().item(Boolean.TRUE);
  }
}
