package dev.handoff.emulator.internal.callback;

import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A callback to deliver.
 *
 * @param provider {@code acs}, {@code graph} or {@code eventgrid}
 * @param event the event name journaled and matched by callback faults
 * @param callId the call it belongs to, or {@code null}
 * @param lane the ordering lane: callbacks of one lane are delivered one after the other
 * @param url the receiver
 * @param headers the request headers (including {@code Authorization} where the provider signs)
 * @param body the JSON body
 * @param accepts decides from the receiver's status and body whether delivery succeeded; {@code
 *     null} means any 2xx
 */
public record OutgoingCallback(
    String provider,
    String event,
    String callId,
    String lane,
    String url,
    Map<String, String> headers,
    String body,
    BiPredicate<Integer, String> accepts) {

  /** Copies the headers. */
  public OutgoingCallback {
    headers = Map.copyOf(headers);
  }
}
