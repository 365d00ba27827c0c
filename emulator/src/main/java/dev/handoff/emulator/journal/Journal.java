package dev.handoff.emulator.journal;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The emulator's record of every provider request received and every callback sent. */
public interface Journal {

  /** Every request received so far, in arrival order. */
  List<ReceivedRequest> requests();

  /** Every callback so far, in production order, with its current delivery state. */
  List<SentCallback> callbacks();

  /**
   * Waits until at least {@code count} callbacks match and are no longer {@link
   * SentCallback.Status#PENDING}.
   *
   * @return the matching callbacks, in production order
   * @throws AssertionError when the timeout passes first, listing what was seen
   */
  List<SentCallback> awaitCallbacks(Predicate<SentCallback> filter, int count, Duration timeout);

  /**
   * Waits until at least {@code count} requests match.
   *
   * @return the matching requests, in arrival order
   * @throws AssertionError when the timeout passes first
   */
  List<ReceivedRequest> awaitRequests(
      Predicate<ReceivedRequest> filter, int count, Duration timeout);

  /**
   * What each party of the emulated calls experienced, in the order it changed: for one party,
   * filter by {@link PartyExperience#party()}.
   */
  List<PartyExperience> experiences();

  /** Forgets everything recorded so far. */
  void clear();
}
