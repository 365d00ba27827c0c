package dev.handoff.ports;

/**
 * A change was given up because other changes of the same stored entry kept winning the
 * compare-and-set on its version, attempt after attempt. Transient contention, not a conflict the
 * caller must resolve: the same request, retried later, is expected to succeed. Nothing of this
 * change was stored.
 */
public final class ConcurrentUpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String entry;
  private final int attempts;

  /**
   * @param entry what kept changing, e.g. {@code "operation op-1"}
   * @param attempts how many times the change was tried
   */
  public ConcurrentUpdateException(String entry, int attempts) {
    super(entry + " kept changing concurrently; gave up after " + attempts + " attempts");
    this.entry = entry;
    this.attempts = attempts;
  }

  /**
   * @return what kept changing
   */
  public String entry() {
    return entry;
  }

  /**
   * @return how many times the change was tried
   */
  public int attempts() {
    return attempts;
  }
}
