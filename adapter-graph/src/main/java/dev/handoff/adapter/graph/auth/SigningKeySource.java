package dev.handoff.adapter.graph.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the keys that sign notification tokens come from. {@link OpenIdSigningKeys} reads them from
 * Microsoft's OpenID configuration; {@link #of(JWKSet)} serves a fixed set (offline tests, a pinned
 * deployment). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SigningKeySource {

  /**
   * @param keyId a token's {@code kid}
   * @return the key with that id; an implementation that caches refreshes once before answering
   *     empty
   * @throws SigningKeysUnavailableException when no keys can be loaded at all
   */
  Optional<JWK> key(String keyId);

  /**
   * @param keys a fixed key set
   * @return a source that serves exactly those keys
   */
  static SigningKeySource of(JWKSet keys) {
    Objects.requireNonNull(keys, "keys");
    return keyId -> Optional.ofNullable(keys.getKeyByKeyId(keyId));
  }
}
