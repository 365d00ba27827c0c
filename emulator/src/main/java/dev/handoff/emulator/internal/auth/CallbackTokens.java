package dev.handoff.emulator.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The tokens callbacks carry, signed ahead of need.
 *
 * <p>Each callback carries a token of its own, and an RS256 signature costs about a millisecond of
 * CPU. Signed when a simulated step fires, that millisecond would sit between the end of a ring and
 * its callback leaving: time an application sees as the provider's and that a real provider spends
 * on its own machines. So a few tokens per audience are kept signed: whenever the simulation
 * schedules a step, a thread of their own tops them up shortly before the step fires (not at once:
 * the step is usually scheduled while an answer is being sent, which the signing would slow), and
 * each token is handed out once. A token signed more than {@link #FRESH} ago is thrown away instead
 * of sent, so what a receiver sees stays within that much of a token signed on the spot.
 */
public final class CallbackTokens implements AutoCloseable {

  /** How many tokens per audience are kept signed. A transfer's outcome takes two. */
  static final int DEPTH = 4;

  /** How old (by the emulator's clock) a kept token may be when it is handed out. */
  static final Duration FRESH = Duration.ofSeconds(30);

  /** How long before a step fires its tokens are topped up, at most (at least half its wait). */
  static final long LEAD_MILLIS = 20;

  /** Whom a callback token is for: its issuer and audience follow from it. */
  public sealed interface Audience {
    /**
     * Signs a new token for this audience.
     *
     * @param key the signing key
     * @return the compact JWT
     */
    String sign(TokenService key);
  }

  /**
   * ACS mid-call webhooks: audience = the ACS resource id.
   *
   * @param resourceId the ACS resource's immutable id
   */
  public record Acs(String resourceId) implements Audience {
    @Override
    public String sign(TokenService key) {
      return key.acsCallbackToken(resourceId);
    }
  }

  /**
   * Graph (Bot Framework) notifications: audience = the bot's app id, with the tenant.
   *
   * @param botAppId the bot's app id
   * @param tenantId the call's tenant
   */
  public record Graph(String botAppId, String tenantId) implements Audience {
    @Override
    public String sign(TokenService key) {
      return key.graphCallbackToken(botAppId, tenantId);
    }
  }

  private record Kept(String token, Instant signedAt) {
    boolean fresh(Instant now) {
      return !signedAt.isAfter(now) && !signedAt.plus(FRESH).isBefore(now);
    }
  }

  private final TokenService key;
  private final Clock clock;
  private final Map<Audience, Deque<Kept>> kept = new ConcurrentHashMap<>();
  private final ScheduledExecutorService signer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "handoff-emulator-token-signer");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param key the signing key
   * @param clock the emulator's clock (the tokens' issue times come from it too)
   */
  public CallbackTokens(TokenService key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /**
   * A token for one callback: a kept one while it is fresh, else one signed now. Either way no
   * token is handed out twice.
   *
   * @param audience whom the callback goes to
   * @return the compact JWT
   */
  public String take(Audience audience) {
    Deque<Kept> tokens = kept.computeIfAbsent(audience, a -> new ConcurrentLinkedDeque<>());
    Instant now = clock.instant();
    for (Kept token = tokens.pollFirst(); token != null; token = tokens.pollFirst()) {
      if (token.fresh(now)) {
        return token.token();
      }
    }
    return audience.sign(key);
  }

  /**
   * Arranges for the kept tokens of every audience a token was taken for to be topped up, on the
   * signer's thread, shortly before a step fires.
   *
   * @param stepWaitMillis how long (in real time) until the step fires
   */
  public void prepare(long stepWaitMillis) {
    long lead = Math.min(stepWaitMillis / 2, LEAD_MILLIS);
    try {
      signer.schedule(this::topUp, stepWaitMillis - lead, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Closed with the emulator: tokens are signed on the spot from now on.
    }
  }

  private void topUp() {
    kept.forEach(
        (audience, tokens) -> {
          Instant now = clock.instant();
          tokens.removeIf(token -> !token.fresh(now));
          while (tokens.size() < DEPTH && !Thread.currentThread().isInterrupted()) {
            Instant signedAt = clock.instant();
            tokens.addLast(new Kept(audience.sign(key), signedAt));
          }
        });
  }

  /** How many fresh tokens are kept for an audience now (for tests). */
  int keptFor(Audience audience) {
    Deque<Kept> tokens = kept.get(audience);
    Instant now = clock.instant();
    return tokens == null ? 0 : (int) tokens.stream().filter(t -> t.fresh(now)).count();
  }

  /** Stops the signer's thread. */
  @Override
  public void close() {
    signer.shutdownNow();
  }
}
