package dev.handoff.ports.security;

import java.time.Duration;

/**
 * How long a provider's published callback signing keys are trusted, for every adapter alike.
 *
 * <p>Keys are kept for {@link #CACHE_LIFETIME}; a token naming a key id not among them makes the
 * keys be fetched again, at most once per {@link #MIN_REFETCH_INTERVAL}, so that made-up key ids
 * cannot hammer the provider's key endpoint. Providers publish a new key before they sign with it,
 * so the unknown-key fetch picks up a rotation at once and a long lifetime costs nothing; a day
 * keeps requests to the key endpoint rare while a withdrawn key leaves within a day.
 */
public final class SigningKeyRules {
  /** How long fetched keys are used before they are fetched again: 24 hours. */
  public static final Duration CACHE_LIFETIME = Duration.ofHours(24);

  /** The least time between two fetches caused by unknown key ids: one minute. */
  public static final Duration MIN_REFETCH_INTERVAL = Duration.ofMinutes(1);

  private SigningKeyRules() {}
}
