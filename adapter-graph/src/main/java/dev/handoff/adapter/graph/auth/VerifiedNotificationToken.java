package dev.handoff.adapter.graph.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A notification token that passed every check.
 *
 * @param tenantId the {@code tid} claim: the tenant the call belongs to
 * @param issuer the issuer
 * @param appId the audience, the bot's application id
 * @param expiresAt when the token expires
 * @param keyId the signing key's id
 * @param claims all claims, as the token states them
 */
public record VerifiedNotificationToken(
    String tenantId,
    String issuer,
    String appId,
    Instant expiresAt,
    String keyId,
    Map<String, Object> claims) {

  /** Copies the claims, unmodifiable. */
  public VerifiedNotificationToken {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(keyId, "keyId");
    claims = claims == null ? Map.of() : Map.copyOf(claims);
  }
}
