package dev.handoff.adapter.graph.auth;

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

/** Test tokens signed with generated RSA keys, shaped like Graph's notification tokens. */
final class Tokens {
  static final String APP_ID = "bot-app-id";
  static final String ISSUER = "https://api.botframework.com";
  static final String TENANT = "tenant-guid";

  private Tokens() {}

  static RSAKey key(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims as Graph sends them: aud, iss, iat, nbf, exp (about an hour), tid. */
  static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder()
        .audience(APP_ID)
        .issuer(ISSUER)
        .issueTime(Date.from(now.minusSeconds(300)))
        .notBeforeTime(Date.from(now.minusSeconds(300)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("tid", TENANT);
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    return sign(key, key.getKeyID(), claims);
  }

  static String sign(RSAKey key, String keyId, JWTClaimsSet claims) {
    try {
      JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
      if (keyId != null) {
        header.keyID(keyId);
      }
      SignedJWT jwt = new SignedJWT(header.build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  static String hs256(String keyId, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
      jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef"));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
