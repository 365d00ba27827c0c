package dev.handoff.adapter.acs.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Test tokens, signed offline with generated keys. */
final class Tokens {
  static final String AUDIENCE = "a3b1c2d4-0000-4000-8000-123456789abc";
  static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

  private Tokens() {}

  static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a token as ACS issues it: 5 minutes of life. */
  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(JwtCallbackVerifier.DEFAULT_ISSUER)
        .audience(AUDIENCE)
        .issueTime(Date.from(NOW.minusSeconds(1)))
        .notBeforeTime(Date.from(NOW.minusSeconds(1)))
        .expirationTime(Date.from(NOW.plusSeconds(299)));
  }

  static String rs256(RSAKey key, JWTClaimsSet claims) {
    return rs256(key, key.getKeyID(), claims);
  }

  static String rs256(RSAKey key, String kid, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(String kid, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
      jwt.sign(new MACSigner(new byte[32]));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }
}
