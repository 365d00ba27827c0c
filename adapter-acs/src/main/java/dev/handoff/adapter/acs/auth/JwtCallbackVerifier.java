package dev.handoff.adapter.acs.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.adapter.acs.auth.CallbackAuthenticationException.Reason;
import dev.handoff.ports.security.SigningKeyRules;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Verifies the JWT that ACS sends as {@code Authorization: Bearer <token>} with every mid-call
 * callback: signed with RS256 by a key from ACS's OpenID configuration, issued by {@value
 * #DEFAULT_ISSUER}, for the audience of the ACS resource's id, and current (expiry and not-before,
 * with a small clock skew). The checks run in that order, and each failure has its own {@link
 * Reason}. Thread-safe.
 *
 * <pre>{@code
 * JwtCallbackVerifier verifier = JwtCallbackVerifier.builder()
 *     .audience("<ACS resource id>")   // the resource's immutable id (a GUID)
 *     .build();
 * JWTClaimsSet claims = verifier.verify(request.getHeader("Authorization"));
 * }</pre>
 */
public final class JwtCallbackVerifier implements CallbackAuthenticator {
  /** The issuer of ACS callback tokens. */
  public static final String DEFAULT_ISSUER = "https://acscallautomation.communication.azure.com";

  /** ACS's OpenID configuration, which names the signing keys. */
  public static final URI DEFAULT_OPENID_CONFIGURATION =
      URI.create(
          "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration");

  /** The default allowed clock skew. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final Clock clock;
  private final SigningKeySource keys;

  private JwtCallbackVerifier(Builder builder, SigningKeySource keys) {
    this.issuer = builder.issuer;
    this.audience = builder.audience;
    this.clockSkew = builder.clockSkew;
    this.clock = builder.clock;
    this.keys = keys;
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param authorization the {@code Authorization} header value, or null when absent
   * @return the verified token's claims
   * @throws CallbackAuthenticationException when the token does not prove the callback is from ACS
   */
  public JWTClaimsSet verify(String authorization) {
    SignedJWT jwt = signedJwt(bearerToken(authorization));
    RSAKey key = key(jwt.getHeader());
    try {
      if (!jwt.verify(new RSASSAVerifier(key))) {
        throw new CallbackAuthenticationException(
            Reason.BAD_SIGNATURE,
            "the signature does not verify with key '" + key.getKeyID() + "'");
      }
    } catch (JOSEException e) {
      throw new CallbackAuthenticationException(
          Reason.BAD_SIGNATURE, "the signature could not be verified: " + e.getMessage(), e);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new CallbackAuthenticationException(
          Reason.MALFORMED_TOKEN, "the claims are not a JSON object: " + e.getMessage(), e);
    }
    checkClaims(claims);
    return claims;
  }

  @Override
  public void authenticate(CallbackRequest request) {
    verify(request.authorization().orElse(null));
  }

  private static String bearerToken(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new CallbackAuthenticationException(
          Reason.MISSING_TOKEN, "the request has no Authorization header");
    }
    String[] parts = authorization.trim().split(" +", 2);
    if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new CallbackAuthenticationException(
          Reason.MALFORMED_HEADER, "the Authorization header is not 'Bearer <token>'");
    }
    if (parts[1].isBlank()) {
      throw new CallbackAuthenticationException(
          Reason.MISSING_TOKEN, "the Authorization header holds no token");
    }
    return parts[1].trim();
  }

  private static SignedJWT signedJwt(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new CallbackAuthenticationException(
          Reason.MALFORMED_TOKEN, "the token is not a JWT: " + e.getMessage(), e);
    }
    if (jwt instanceof PlainJWT) {
      throw new CallbackAuthenticationException(
          Reason.UNSUPPORTED_ALGORITHM, "the token is unsigned (alg none); RS256 is required");
    }
    if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT)) {
      throw new CallbackAuthenticationException(
          Reason.UNSUPPORTED_ALGORITHM, "the token is encrypted, not signed; RS256 is required");
    }
    SignedJWT signed = (SignedJWT) jwt;
    if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
      throw new CallbackAuthenticationException(
          Reason.UNSUPPORTED_ALGORITHM,
          "the token is signed with " + signed.getHeader().getAlgorithm() + "; RS256 is required");
    }
    return signed;
  }

  private RSAKey key(JWSHeader header) {
    String kid = header.getKeyID();
    if (kid == null || kid.isBlank()) {
      throw new CallbackAuthenticationException(
          Reason.UNKNOWN_KEY, "the token header names no key (kid)");
    }
    Optional<RSAKey> key = find(keys.keys(false), kid);
    if (key.isEmpty()) {
      key = find(keys.keys(true), kid);
    }
    return key.orElseThrow(
        () ->
            new CallbackAuthenticationException(
                Reason.UNKNOWN_KEY, "no RS256 signing key with kid '" + kid + "' is known"));
  }

  private static Optional<RSAKey> find(JWKSet set, String kid) {
    JWK jwk = set.getKeyByKeyId(kid);
    if (!(jwk instanceof RSAKey)) {
      return Optional.empty();
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      return Optional.empty();
    }
    return Optional.of((RSAKey) jwk);
  }

  private void checkClaims(JWTClaimsSet claims) {
    if (!issuer.equals(claims.getIssuer())) {
      throw new CallbackAuthenticationException(
          Reason.WRONG_ISSUER, "the issuer is '" + claims.getIssuer() + "', not '" + issuer + "'");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw new CallbackAuthenticationException(
          Reason.WRONG_AUDIENCE,
          "the audience is " + claims.getAudience() + ", not this resource '" + audience + "'");
    }
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null) {
      throw new CallbackAuthenticationException(Reason.MALFORMED_TOKEN, "the token has no exp");
    }
    if (now.isAfter(expiry.toInstant().plus(clockSkew))) {
      throw new CallbackAuthenticationException(
          Reason.EXPIRED, "the token expired at " + expiry.toInstant() + "; it is now " + now);
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.isBefore(notBefore.toInstant().minus(clockSkew))) {
      throw new CallbackAuthenticationException(
          Reason.NOT_YET_VALID,
          "the token is valid from " + notBefore.toInstant() + "; it is now " + now);
    }
  }

  /** Builds a {@link JwtCallbackVerifier}; only the audience is required. */
  public static final class Builder {
    private String audience;
    private String issuer = DEFAULT_ISSUER;
    private URI openIdConfiguration = DEFAULT_OPENID_CONFIGURATION;
    private SigningKeySource keySource;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private SSLContext sslContext;
    private Duration fetchTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * @param value the ACS resource id (the immutable resource GUID), which ACS puts in {@code aud}
     * @return this builder
     */
    public Builder audience(String value) {
      audience = value;
      return this;
    }

    /**
     * @param value the expected issuer, {@value #DEFAULT_ISSUER} by default
     * @return this builder
     */
    public Builder issuer(String value) {
      issuer = value;
      return this;
    }

    /**
     * @param value where the signing keys are announced, ACS's OpenID configuration by default
     * @return this builder
     */
    public Builder openIdConfiguration(URI value) {
      openIdConfiguration = value;
      return this;
    }

    /**
     * @param value where the signing keys come from, replacing the OpenID configuration (e.g.
     *     {@link SigningKeySource#fixed(JWKSet)} offline)
     * @return this builder
     */
    public Builder keySource(SigningKeySource value) {
      keySource = value;
      return this;
    }

    /**
     * @param value the allowed clock skew for expiry and not-before, 60 s by default
     * @return this builder
     */
    public Builder clockSkew(Duration value) {
      clockSkew = value;
      return this;
    }

    /**
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /**
     * @param value the HTTP client that fetches the keys
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      httpClient = value;
      return this;
    }

    /**
     * @param value the TLS context to trust the key endpoints with, e.g. an emulator's ({@code
     *     emulator.trust().sslContext()}); the default client is then built with it
     * @return this builder
     */
    public Builder sslContext(SSLContext value) {
      sslContext = Objects.requireNonNull(value, "sslContext");
      return this;
    }

    /**
     * @param value how long one key fetch may take, 10 s by default
     * @return this builder
     */
    public Builder fetchTimeout(Duration value) {
      fetchTimeout = value;
      return this;
    }

    private HttpClient defaultClient() {
      HttpClient.Builder client =
          HttpClient.newBuilder()
              .connectTimeout(fetchTimeout)
              .followRedirects(HttpClient.Redirect.NORMAL);
      if (sslContext != null) {
        client.sslContext(sslContext);
      }
      return client.build();
    }

    /**
     * @return the verifier
     * @throws IllegalArgumentException when the audience is missing or an option is invalid
     */
    public JwtCallbackVerifier build() {
      if (audience == null || audience.isBlank()) {
        throw new IllegalArgumentException("audience: is required (the ACS resource id)");
      }
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("issuer: must not be blank");
      }
      Objects.requireNonNull(clockSkew, "clockSkew");
      if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException(
            "clockSkew: must be between 0 and 5 minutes, got " + clockSkew);
      }
      Objects.requireNonNull(clock, "clock");
      SigningKeySource source = keySource;
      if (source == null) {
        source =
            new OpenIdSigningKeys(
                openIdConfiguration,
                httpClient != null ? httpClient : defaultClient(),
                fetchTimeout,
                SigningKeyRules.CACHE_LIFETIME,
                SigningKeyRules.MIN_REFETCH_INTERVAL,
                clock);
      }
      return new JwtCallbackVerifier(this, source);
    }
  }
}
