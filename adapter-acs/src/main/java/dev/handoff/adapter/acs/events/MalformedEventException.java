package dev.handoff.adapter.acs.events;

import java.util.OptionalInt;

/**
 * A delivery that is not what ACS or Event Grid send: not JSON, not an event or array of events, or
 * an event missing what every event has ({@code id}, {@code type}, {@code source}, {@code data}) or
 * holding a value of the wrong type. The whole delivery is refused, loudly, naming the event's
 * index and the reason; answer the sender with a 400 so that the fault is visible.
 */
public final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final OptionalInt index;
  private final String reason;

  private MalformedEventException(OptionalInt index, String reason) {
    super(
        index.isPresent() ? "event [" + index.getAsInt() + "]: " + reason : "delivery: " + reason);
    this.index = index;
    this.reason = reason;
  }

  /**
   * @param reason what is wrong with the delivery as a whole
   * @return the exception
   */
  public static MalformedEventException ofDelivery(String reason) {
    return new MalformedEventException(OptionalInt.empty(), reason);
  }

  /**
   * @param index the event's index in the delivery, 0 for a single event
   * @param reason what is wrong with it
   * @return the exception
   */
  public static MalformedEventException ofEvent(int index, String reason) {
    return new MalformedEventException(OptionalInt.of(index), reason);
  }

  /**
   * @return the index of the malformed event; empty when the delivery as a whole is malformed
   */
  public OptionalInt index() {
    return index;
  }

  /**
   * @return what is wrong
   */
  public String reason() {
    return reason;
  }
}
