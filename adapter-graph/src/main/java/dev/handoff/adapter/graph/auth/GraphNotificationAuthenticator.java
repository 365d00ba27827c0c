package dev.handoff.adapter.graph.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.adapter.graph.auth.CallbackAuthenticationException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Verifies the bearer JWT on a Graph notification callback: an RS256 signature by a published key,
 * an accepted issuer, the bot's application id as audience, expiry and not-before within a small
 * clock skew, and a tenant ({@code tid}) claim, which is returned. Give the tenants the bot serves
 * ({@link Builder#tenants(Set)}: its own, or a list for a multi-tenant bot) and a token of any
 * other tenant is refused ({@link Reason#WRONG_TENANT}).
 *
 * <p>Use it from any web framework: pass the {@code Authorization} header's value to {@link
 * #verify(String)} before reading the body, and answer 401/403 on {@link
 * CallbackAuthenticationException}. Thread-safe.
 */
public final class GraphNotificationAuthenticator {

  /** Where Microsoft publishes the signing keys for calling notifications. */
  public static final URI DEFAULT_OPENID_CONFIGURATION =
      URI.create("https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration");

  /** The issuers accepted by default: the documented one and the one the Graph samples accept. */
  public static final Set<String> DEFAULT_ISSUERS =
      Set.of("https://api.botframework.com", "https://graph.microsoft.com");

  private static final String BEARER = "bearer ";

  private final String appId;
  private final Set<String> issuers;
  private final Set<String> tenants;
  private final SigningKeySource keys;
  private final Duration clockSkew;
  private final Clock clock;

  private GraphNotificationAuthenticator(Builder builder) {
    this.appId = builder.appId;
    this.issuers = Set.copyOf(builder.issuers);
    this.tenants = Set.copyOf(builder.tenants);
    this.clock = builder.clock;
    this.clockSkew = builder.clockSkew;
    this.keys =
        builder.keySource != null
            ? builder.keySource
            : OpenIdSigningKeys.builder(builder.openIdConfiguration)
                .httpClient(
                    builder.httpClient == null && builder.sslContext != null
                        ? HttpClient.newBuilder().sslContext(builder.sslContext).build()
                        : builder.httpClient)
                .clock(builder.clock)
                .build();
  }

  /**
   * @param appId the bot's application (client) id: the audience tokens must name
   * @return a builder
   */
  public static Builder builder(String appId) {
    return new Builder(appId);
  }

  /**
   * @param authorizationHeader the {@code Authorization} header's value, possibly null
   * @return the verified token
   * @throws CallbackAuthenticationException naming why the token is refused
   */
  public VerifiedNotificationToken verify(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw refuse(Reason.MISSING_HEADER, "the Authorization header is missing", null);
    }
    String value = authorizationHeader.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || value.substring(BEARER.length()).isBlank()) {
      throw refuse(Reason.NOT_BEARER, "the Authorization header is not 'Bearer <token>'", null);
    }
    return verifyToken(value.substring(BEARER.length()).trim());
  }

  /**
   * @param token the JWT
   * @return the verified token
   * @throws CallbackAuthenticationException naming why the token is refused
   */
  public VerifiedNotificationToken verifyToken(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(Objects.requireNonNull(token, "token"));
    } catch (ParseException e) {
      throw refuse(Reason.MALFORMED_TOKEN, "not a JWT: " + e.getMessage(), e);
    }
    if (parsed instanceof PlainJWT) {
      throw refuse(Reason.UNSIGNED, "the token is not signed (alg none)", null);
    }
    if (!(parsed instanceof SignedJWT)) {
      throw refuse(Reason.UNSUPPORTED_ALGORITHM, "the token is encrypted, not signed", null);
    }
    SignedJWT jwt = (SignedJWT) parsed;
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!JWSAlgorithm.RS256.equals(algorithm)) {
      throw refuse(Reason.UNSUPPORTED_ALGORITHM, "alg must be RS256, was " + algorithm, null);
    }
    String keyId = jwt.getHeader().getKeyID();
    if (keyId == null || keyId.isBlank()) {
      throw refuse(Reason.MISSING_KEY_ID, "the token's header has no kid", null);
    }
    verifySignature(jwt, signingKey(keyId));
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refuse(Reason.MALFORMED_TOKEN, "the claims are unreadable: " + e.getMessage(), e);
    }
    return checkClaims(claims, keyId);
  }

  private RSAKey signingKey(String keyId) {
    Optional<JWK> key;
    try {
      key = keys.key(keyId);
    } catch (SigningKeysUnavailableException e) {
      throw refuse(Reason.KEYS_UNAVAILABLE, e.getMessage(), e);
    }
    if (key.isEmpty()) {
      throw refuse(Reason.UNKNOWN_KEY, "no published signing key has kid " + keyId, null);
    }
    JWK jwk = key.get();
    if (!(jwk instanceof RSAKey)
        || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
      throw refuse(
          Reason.UNKNOWN_KEY, "the key with kid " + keyId + " is not an RSA signing key", null);
    }
    return (RSAKey) jwk;
  }

  private static void verifySignature(SignedJWT jwt, RSAKey key) {
    boolean valid;
    try {
      valid = jwt.verify(new RSASSAVerifier(key));
    } catch (JOSEException e) {
      throw refuse(Reason.BAD_SIGNATURE, "the signature cannot be checked: " + e.getMessage(), e);
    }
    if (!valid) {
      throw refuse(Reason.BAD_SIGNATURE, "the signature does not verify", null);
    }
  }

  private VerifiedNotificationToken checkClaims(JWTClaimsSet claims, String keyId) {
    String issuer = claims.getIssuer();
    if (issuer == null || !issuers.contains(issuer)) {
      throw refuse(Reason.WRONG_ISSUER, "issuer " + issuer + " is not one of " + issuers, null);
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(appId)) {
      throw refuse(Reason.WRONG_AUDIENCE, "audience " + audience + " does not name " + appId, null);
    }
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null) {
      throw refuse(Reason.MISSING_EXPIRY, "the token has no exp claim", null);
    }
    if (now.isAfter(expiry.toInstant().plus(clockSkew))) {
      throw refuse(Reason.EXPIRED, "the token expired at " + expiry.toInstant(), null);
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.isBefore(notBefore.toInstant().minus(clockSkew))) {
      throw refuse(Reason.NOT_YET_VALID, "the token is valid from " + notBefore.toInstant(), null);
    }
    Object tenant = claims.getClaim("tid");
    if (!(tenant instanceof String) || ((String) tenant).isBlank()) {
      throw refuse(Reason.MISSING_TENANT, "the token has no tid claim", null);
    }
    if (!tenants.isEmpty() && !tenants.contains(((String) tenant).toLowerCase(Locale.ROOT))) {
      throw refuse(
          Reason.WRONG_TENANT,
          "the token's tenant " + tenant + " is not one this bot serves " + tenants,
          null);
    }
    return new VerifiedNotificationToken(
        (String) tenant, issuer, appId, expiry.toInstant(), keyId, claims.getClaims());
  }

  private static CallbackAuthenticationException refuse(
      Reason reason, String message, Throwable cause) {
    return new CallbackAuthenticationException(reason, message, cause);
  }

  /** Builds a {@link GraphNotificationAuthenticator}. */
  public static final class Builder {
    private final String appId;
    private URI openIdConfiguration = DEFAULT_OPENID_CONFIGURATION;
    private Set<String> issuers = DEFAULT_ISSUERS;
    private Set<String> tenants = Set.of();
    private SigningKeySource keySource;
    private HttpClient httpClient;
    private SSLContext sslContext;
    private Duration clockSkew = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();

    private Builder(String appId) {
      if (appId == null || appId.isBlank()) {
        throw new IllegalArgumentException("appId (the bot's application id) is required");
      }
      this.appId = appId;
    }

    /**
     * @param value the OpenID configuration whose {@code jwks_uri} publishes the keys; default
     *     {@link #DEFAULT_OPENID_CONFIGURATION}
     * @return this builder
     */
    public Builder openIdConfiguration(URI value) {
      openIdConfiguration = Objects.requireNonNull(value, "openIdConfiguration");
      return this;
    }

    /**
     * @param value the accepted issuers; default {@link #DEFAULT_ISSUERS}
     * @return this builder
     */
    public Builder issuers(Set<String> value) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("issuers must name at least one issuer");
      }
      issuers = new LinkedHashSet<>(value);
      return this;
    }

    /**
     * @param value the tenants whose notifications are accepted (compared case-insensitively): the
     *     bot's own tenant, or every tenant a multi-tenant bot serves; default empty, accepting any
     *     tenant (only the presence of {@code tid} is checked)
     * @return this builder
     */
    public Builder tenants(Set<String> value) {
      Objects.requireNonNull(value, "tenants");
      Set<String> lower = new LinkedHashSet<>();
      for (String tenant : value) {
        if (tenant == null || tenant.isBlank()) {
          throw new IllegalArgumentException("tenants must not hold a blank tenant id");
        }
        lower.add(tenant.trim().toLowerCase(Locale.ROOT));
      }
      tenants = lower;
      return this;
    }

    /**
     * @param value where keys come from instead of the OpenID configuration (offline tests, a
     *     pinned key set, a shared {@link OpenIdSigningKeys})
     * @return this builder
     */
    public Builder keySource(SigningKeySource value) {
      keySource = Objects.requireNonNull(value, "keySource");
      return this;
    }

    /**
     * @param value the HTTP client for the OpenID configuration and the key set
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
     * @param value how far expiry and not-before may be off; default 5 minutes
     * @return this builder
     */
    public Builder clockSkew(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("clockSkew must be zero or positive, was " + value);
      }
      clockSkew = value;
      return this;
    }

    /**
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @return the authenticator
     */
    public GraphNotificationAuthenticator build() {
      return new GraphNotificationAuthenticator(this);
    }
  }
}
