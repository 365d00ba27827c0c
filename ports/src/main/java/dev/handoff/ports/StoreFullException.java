package dev.handoff.ports;

/**
 * A store cannot take a new entry because it is at its capacity and holds nothing it may evict yet
 * (for operations: every one held is unfinished). Transient: room appears as entries finish or
 * expire, so the caller may retry later; nothing was stored.
 */
public final class StoreFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int capacity;

  /**
   * @param what what the store holds, in the reader's terms, e.g. {@code "operation"}
   * @param capacity the most entries the store holds
   */
  public StoreFullException(String what, int capacity) {
    super("the " + what + " store is full: it holds " + capacity + ", none of which it may evict");
    this.capacity = capacity;
  }

  /**
   * @return the most entries the store holds
   */
  public int capacity() {
    return capacity;
  }
}
