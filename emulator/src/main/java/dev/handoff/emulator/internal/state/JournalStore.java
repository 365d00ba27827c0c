package dev.handoff.emulator.internal.state;

import dev.handoff.emulator.journal.DeliveryAttempt;
import dev.handoff.emulator.journal.Journal;
import dev.handoff.emulator.journal.PartyExperience;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The thread-safe journal; writers are the request pipeline and the callback dispatcher. */
public final class JournalStore implements Journal {

  private final List<ReceivedRequest> requests = new ArrayList<>();
  private final List<CallbackEntry> callbacks = new ArrayList<>();
  private final List<PartyExperience> experiences = new ArrayList<>();
  private final Map<String, PartyExperience> lastExperience = new HashMap<>();
  private long experienceSequence;
  private long requestSequence;
  private long callbackSequence;

  /** The next request sequence number. */
  public synchronized long nextRequestSequence() {
    return ++requestSequence;
  }

  /** Records a request once its fate is known. */
  public synchronized void record(ReceivedRequest request) {
    requests.add(request);
    notifyAll();
  }

  /** Records a new callback, pending. */
  public synchronized CallbackEntry newCallback(
      String provider,
      String event,
      String callId,
      String url,
      Map<String, String> headers,
      String body,
      String fault) {
    CallbackEntry entry =
        new CallbackEntry(++callbackSequence, provider, event, callId, url, headers, body, fault);
    callbacks.add(entry);
    notifyAll();
    return entry;
  }

  /** Adds a delivery attempt to a callback. */
  public synchronized void attempt(CallbackEntry entry, DeliveryAttempt attempt) {
    entry.attempts.add(attempt);
    notifyAll();
  }

  /** Settles a callback's status. */
  public synchronized void settle(CallbackEntry entry, SentCallback.Status status) {
    entry.status = status;
    notifyAll();
  }

  @Override
  public synchronized List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public synchronized List<SentCallback> callbacks() {
    return callbacks.stream().map(CallbackEntry::snapshot).toList();
  }

  @Override
  public synchronized List<SentCallback> awaitCallbacks(
      Predicate<SentCallback> filter, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<SentCallback> matching =
          callbacks().stream()
              .filter(filter)
              .filter(c -> c.status() != SentCallback.Status.PENDING)
              .toList();
      if (matching.size() >= count) {
        return matching;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected "
                + count
                + " settled matching callbacks within "
                + timeout
                + " but saw "
                + matching.size()
                + "; all callbacks: "
                + callbacks().stream().map(c -> c.event() + "/" + c.status()).toList());
      }
      waitNanos(left);
    }
  }

  @Override
  public synchronized List<ReceivedRequest> awaitRequests(
      Predicate<ReceivedRequest> filter, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ReceivedRequest> matching = requests.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "expected "
                + count
                + " matching requests within "
                + timeout
                + " but saw "
                + matching.size());
      }
      waitNanos(left);
    }
  }

  private void waitNanos(long nanos) {
    try {
      wait(Math.max(1, nanos / 1_000_000), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  /**
   * Records what a party experiences from now on, unless it is what they experienced already.
   *
   * @param time now
   * @param provider {@code acs} or {@code graph}
   * @param callId the call the party is in
   * @param party the party
   * @param connected whether their line is up
   * @param hears what they hear
   * @param with whom they hear, sorted
   */
  public synchronized void experience(
      Instant time,
      String provider,
      String callId,
      String party,
      boolean connected,
      String hears,
      List<String> with) {
    String key = provider + "|" + party;
    PartyExperience last = lastExperience.get(key);
    if (last != null
        && last.callId().equals(callId)
        && last.connected() == connected
        && last.hears().equals(hears)
        && last.with().equals(with)) {
      return;
    }
    PartyExperience next =
        new PartyExperience(
            ++experienceSequence, time, provider, callId, party, connected, hears, with);
    experiences.add(next);
    lastExperience.put(key, next);
    notifyAll();
  }

  @Override
  public synchronized List<PartyExperience> experiences() {
    return List.copyOf(experiences);
  }

  @Override
  public synchronized void clear() {
    experiences.clear();
    lastExperience.clear();
    requests.clear();
    callbacks.clear();
    notifyAll();
  }

  /** A callback's mutable journal entry; guarded by the store's lock. */
  public static final class CallbackEntry {
    private final long sequence;
    private final String provider;
    private final String event;
    private final String callId;
    private final String url;
    private final Map<String, String> headers;
    private final String body;
    private final String fault;
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private SentCallback.Status status = SentCallback.Status.PENDING;

    private CallbackEntry(
        long sequence,
        String provider,
        String event,
        String callId,
        String url,
        Map<String, String> headers,
        String body,
        String fault) {
      this.sequence = sequence;
      this.provider = provider;
      this.event = event;
      this.callId = callId;
      this.url = url;
      this.headers = Map.copyOf(headers);
      this.body = body;
      this.fault = fault;
    }

    private SentCallback snapshot() {
      return new SentCallback(
          sequence,
          provider,
          event,
          callId,
          url,
          headers,
          body,
          List.copyOf(attempts),
          status,
          fault);
    }
  }
}
