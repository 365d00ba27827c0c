package dev.handoff.emulator.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The emulator's one RSA signing key: signs the JWTs on callbacks (as ACS and as the Bot Framework
 * would) and the access tokens of its OAuth2 endpoint, verifies those access tokens, and publishes
 * the public key as a JWKS.
 */
public final class TokenService {

  /** The issuer of ACS callback tokens. */
  public static final String ACS_CALLBACK_ISSUER =
      "https://acscallautomation.communication.azure.com";

  /** The issuer of Graph (Bot Framework) callback tokens. */
  public static final String GRAPH_CALLBACK_ISSUER = "https://api.botframework.com";

  /** The audience of Graph access tokens. */
  public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

  /** The audience of ACS Entra access tokens. */
  public static final String ACS_AUDIENCE = "https://communication.azure.com";

  private static final Duration ACS_CALLBACK_LIFETIME = Duration.ofMinutes(5);
  private static final Duration GRAPH_CALLBACK_LIFETIME = Duration.ofSeconds(3900);
  private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3599);
  private static final Duration LEEWAY = Duration.ofMinutes(5);

  private final RSAKey key;
  private final Clock clock;
  // Thread-safe; built once, since turning the JWK into a private key costs as much as a
  // tenth of a signature.
  private final RSASSASigner signer;
  private final RSASSAVerifier verifier;

  /** Generates a fresh RSA-2048 key. */
  public TokenService(Clock clock) {
    this.clock = clock;
    try {
      this.key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      this.signer = new RSASSASigner(key);
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the emulator's signing key", e);
    }
  }

  /** The key id ({@code kid}) of the signing key. */
  public String keyId() {
    return key.getKeyID();
  }

  /** The public JWKS document. */
  public Map<String, Object> jwks() {
    return new JWKSet(key.toPublicJWK()).toJSONObject();
  }

  /** A 5-minute token as ACS puts on each mid-call webhook: audience = the ACS resource id. */
  public String acsCallbackToken(String acsResourceId) {
    return sign(claims(ACS_CALLBACK_ISSUER, acsResourceId, ACS_CALLBACK_LIFETIME).build(), null);
  }

  /** A token as Graph puts on each comms notification: audience = the bot's app id, with tid. */
  public String graphCallbackToken(String botAppId, String tenantId) {
    return sign(
        claims(GRAPH_CALLBACK_ISSUER, botAppId, GRAPH_CALLBACK_LIFETIME)
            .claim("tid", tenantId)
            .build(),
        null);
  }

  /**
   * An app-only access token, as Entra's client-credentials grant issues it.
   *
   * @param tenantId the tenant (issuer {@code https://sts.windows.net/<tenant>/})
   * @param clientId the app id ({@code appid}, {@code azp}, {@code sub}, {@code oid})
   * @param audience the resource
   * @param roles the granted application permissions
   */
  public IssuedToken accessToken(
      String tenantId, String clientId, String audience, List<String> roles) {
    JWTClaimsSet claims =
        claims("https://sts.windows.net/" + tenantId + "/", audience, ACCESS_TOKEN_LIFETIME)
            .claim("tid", tenantId)
            .claim("appid", clientId)
            .claim("azp", clientId)
            .claim("oid", clientId)
            .subject(clientId)
            .claim("roles", roles)
            .claim("ver", "1.0")
            .build();
    return new IssuedToken(sign(claims, JOSEObjectType.JWT), ACCESS_TOKEN_LIFETIME.toSeconds());
  }

  /** A signed token and its lifetime in seconds. */
  public record IssuedToken(String token, long expiresInSeconds) {}

  /**
   * Verifies an access token this service issued.
   *
   * @return the claims
   * @throws InvalidTokenException naming why the token is refused
   */
  public JWTClaimsSet verifyAccessToken(String token, String tenantId, String... audiences) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("the token is not a well-formed JWT");
    }
    try {
      if (!key.getKeyID().equals(jwt.getHeader().getKeyID()) || !jwt.verify(verifier)) {
        throw new InvalidTokenException("the token's signature is invalid");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      if (claims.getExpirationTime() == null
          || claims.getExpirationTime().toInstant().plus(LEEWAY).isBefore(now)) {
        throw new InvalidTokenException("the token has expired");
      }
      if (!("https://sts.windows.net/" + tenantId + "/").equals(claims.getIssuer())) {
        throw new InvalidTokenException("the token's issuer is not this tenant");
      }
      for (String audience : audiences) {
        if (claims.getAudience().contains(audience)) {
          return claims;
        }
      }
      throw new InvalidTokenException(
          "the token's audience is not " + String.join(" or ", audiences));
    } catch (JOSEException | ParseException e) {
      throw new InvalidTokenException("the token cannot be verified: " + e.getMessage());
    }
  }

  private JWTClaimsSet.Builder claims(String issuer, String audience, Duration lifetime) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString());
  }

  private String sign(JWTClaimsSet claims, JOSEObjectType type) {
    try {
      JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
      if (type != null) {
        header.type(type);
      }
      SignedJWT jwt = new SignedJWT(header.build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** A bearer token was refused. */
  public static final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message);
    }
  }
}
