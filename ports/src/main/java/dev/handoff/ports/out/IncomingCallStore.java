package dev.handoff.ports.out;

import dev.handoff.domain.event.IncomingCall;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the incoming calls the provider announced are kept for a short while, so that an API client
 * can learn the incoming-call context it needs to redirect one, whichever service instance received
 * the announcement. Several instances may share one store. Implementations are thread-safe.
 *
 * <p>Incoming calls expire: a provider accepts an incoming-call context for a short time only (ACS
 * about 30 seconds to answer, reject or redirect the call), so a call is kept for a retention the
 * implementation is given (default {@link #DEFAULT_RETENTION}) counted from when it was announced,
 * as the store's clock tells. An expired call is never listed nor found, and {@link
 * #forgetExpired()} removes them.
 */
public interface IncomingCallStore {
  /** How long an announced call is kept unless configured: well past any provider's window. */
  Duration DEFAULT_RETENTION = Duration.ofMinutes(5);

  /**
   * Keeps an announced call. A repeated announcement (the same provider and event id, as a
   * redelivered callback carries) is kept once, at its first announcement.
   *
   * @param call the announced call
   */
  void announce(IncomingCall call);

  /**
   * @param limit the most to return, at least 1
   * @return the calls not yet expired, the most recently announced first
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  List<IncomingCall> recent(int limit);

  /**
   * @param callId the call's id
   * @return the most recent announcement of that call, unless expired
   */
  Optional<IncomingCall> find(String callId);

  /**
   * Removes the expired calls.
   *
   * @return how many were removed
   */
  int forgetExpired();
}
