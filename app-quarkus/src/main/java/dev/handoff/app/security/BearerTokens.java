package dev.handoff.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.handoff.app.config.HandoffConfig;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;

/** Verifies API bearer tokens (RS256/ES256) against the configured JWKS, issuer and audience. */
@ApplicationScoped
public class BearerTokens {
  private final DefaultJWTProcessor<SecurityContext> processor;

  @Inject
  BearerTokens(HandoffConfig config) {
    HandoffConfig.Jwt jwt = config.api().jwt();
    if (config.api().auth() != HandoffConfig.AuthMode.JWT) {
      processor = null;
      return;
    }
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(jwt.jwksUrl().orElseThrow().toURL()).build();
      processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
      JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
      jwt.issuer().ifPresent(exact::issuer);
      Set<String> required = new HashSet<>(Set.of("exp", "sub"));
      processor.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(jwt.audience().orElse(null), exact.build(), required));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("handoff.api.jwt.jwks-url is not a URL", e);
    }
  }

  /**
   * @param token a bearer token
   * @return the principal it names ({@code sub})
   * @throws AuthenticationFailedException when the token is not valid
   */
  public String verify(String token) {
    try {
      return processor.process(token, null).getSubject();
    } catch (ParseException | BadJOSEException | JOSEException invalid) {
      throw new AuthenticationFailedException("invalid bearer token: " + invalid.getMessage());
    }
  }
}
