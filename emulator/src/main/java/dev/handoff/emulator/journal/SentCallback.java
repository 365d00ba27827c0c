package dev.handoff.emulator.journal;

import java.util.List;
import java.util.Map;

/**
 * One callback the emulator sent (or decided not to send).
 *
 * @param sequence the order in which callbacks were produced, from 1
 * @param provider {@code acs}, {@code graph} or {@code eventgrid}
 * @param event the event name (ACS event type without prefix, e.g. {@code CallTransferAccepted};
 *     Graph e.g. {@code call.transferAccepted}; Event Grid {@code IncomingCall} or {@code
 *     SubscriptionValidation})
 * @param callId the call connection id or Graph call id, or {@code null}
 * @param url where it is posted
 * @param headers the request headers sent (including {@code Authorization})
 * @param body the JSON body
 * @param attempts the delivery attempts so far
 * @param status where delivery stands
 * @param fault the injected callback fault that applied, or {@code null}
 */
public record SentCallback(
    long sequence,
    String provider,
    String event,
    String callId,
    String url,
    Map<String, String> headers,
    String body,
    List<DeliveryAttempt> attempts,
    Status status,
    String fault) {

  /** Where a callback's delivery stands. */
  public enum Status {
    /** Not yet delivered; attempts may be under way. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed, or the receiver refused it with a non-retryable status. */
    FAILED,
    /** Dropped on purpose by a {@code lost} callback fault. */
    LOST
  }
}
