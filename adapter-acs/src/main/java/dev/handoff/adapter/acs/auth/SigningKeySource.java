package dev.handoff.adapter.acs.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.Objects;

/**
 * Where the keys that sign ACS callback tokens come from. The default reads them from ACS's OpenID
 * configuration ({@link OpenIdSigningKeys}); tests and offline setups give a fixed set.
 */
@FunctionalInterface
public interface SigningKeySource {

  /**
   * @param refresh whether the caller met a key id the last answer did not hold, so that a cached
   *     set should be fetched again (implementations may rate-limit this)
   * @return the current public keys
   * @throws CallbackAuthenticationException with {@link
   *     CallbackAuthenticationException.Reason#KEYS_UNAVAILABLE} when no keys can be had
   */
  JWKSet keys(boolean refresh);

  /**
   * @param keys the public keys
   * @return a source that always answers them
   */
  static SigningKeySource fixed(JWKSet keys) {
    Objects.requireNonNull(keys, "keys");
    JWKSet publicKeys = keys.toPublicJWKSet();
    return refresh -> publicKeys;
  }
}
