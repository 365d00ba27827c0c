package dev.handoff.adapter.graph.notifications;

import java.util.OptionalInt;

/**
 * A notification body that cannot be read: not JSON, no {@code value} array, an item that is not an
 * object or lacks its resource, a member of the wrong JSON type. The message names the item ({@code
 * value[i]}) and the member. No event of the body is returned: answer the callback with an error so
 * that the fault is visible.
 */
public final class MalformedNotificationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The offending item's index, or -1 when the envelope is at fault. */
  private final int itemIndex;

  /**
   * @param itemIndex the index of the offending item in {@code value}, when one item is at fault
   * @param reason what is wrong, starting with the member's path
   * @param cause the parser's exception, when there is one
   */
  public MalformedNotificationException(OptionalInt itemIndex, String reason, Throwable cause) {
    super("Malformed Graph notification: " + reason, cause);
    this.itemIndex = itemIndex.orElse(-1);
  }

  /**
   * @return the index of the offending item in {@code value}, empty when the envelope is at fault
   */
  public OptionalInt itemIndex() {
    return itemIndex < 0 ? OptionalInt.empty() : OptionalInt.of(itemIndex);
  }
}
