package dev.handoff.emulator.internal.state;

import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic ids. The root source is seeded; each call gets its own child source when it is
 * created, so the ids of one call do not depend on how other calls' work interleaves with it.
 */
public final class IdSource {

  private final SplittableRandom random;

  /** A root source for a seed. */
  public IdSource(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private IdSource(SplittableRandom random) {
    this.random = random;
  }

  /** A child source with its own independent sequence. */
  public synchronized IdSource child() {
    return new IdSource(random.split());
  }

  /** A random (version 4) UUID drawn from this source. */
  public synchronized UUID uuid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** {@link #uuid()} as a string. */
  public String uuidString() {
    return uuid().toString();
  }

  /** {@code n} random bytes, base64url without padding. */
  public synchronized String token(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
