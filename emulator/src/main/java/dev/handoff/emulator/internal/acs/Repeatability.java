package dev.handoff.emulator.internal.acs;

import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Repeatable requests (OASIS Repeatable Requests 1.0, as ACS applies them): the first request with
 * a {@code Repeatability-Request-ID} executes and its response is stored; a repeat with the same id
 * and the same request returns the stored response without executing again. Stored responses are
 * kept for the emulator's lifetime (the service promises at least 5 minutes).
 */
public final class Repeatability {

  private static final Pattern UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final Map<String, Stored> stored = new HashMap<>();
  private final Map<String, Object> locks = new HashMap<>();

  private record Stored(String fingerprint, Response response) {}

  /** The outcome of executing a possibly repeatable request. */
  public record Result(Response response, boolean replayed) {}

  /**
   * Executes a request once per repeatability id.
   *
   * @param execute produces the response; exceptions are not stored (the request did not execute)
   * @throws AcsException 400/8523 for a malformed id, a missing or malformed first-sent date, or an
   *     id reused for a different request
   */
  public Result execute(Request request, Supplier<Response> execute) {
    Optional<String> id = request.header("Repeatability-Request-ID");
    if (id.isEmpty()) {
      return new Result(execute.get(), false);
    }
    if (!UUID.matcher(id.get()).matches()) {
      throw AcsException.invalid("Repeatability-Request-ID", "must be a UUID");
    }
    Optional<String> firstSent = request.header("Repeatability-First-Sent");
    if (firstSent.isEmpty()) {
      throw AcsException.invalid(
          "Repeatability-First-Sent", "is required when Repeatability-Request-ID is specified");
    }
    try {
      ZonedDateTime.parse(firstSent.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw AcsException.invalid("Repeatability-First-Sent", "must be an IMF-fixdate (RFC 1123)");
    }
    String key = id.get().toLowerCase(java.util.Locale.ROOT);
    String fingerprint =
        request.method()
            + " "
            + request.pathAndQuery()
            + " "
            + HmacVerifier.sha256Base64(request.body());
    Object lock;
    synchronized (this) {
      lock = locks.computeIfAbsent(key, k -> new Object());
    }
    synchronized (lock) {
      Stored previous;
      synchronized (this) {
        previous = stored.get(key);
      }
      if (previous != null) {
        if (!previous.fingerprint().equals(fingerprint)) {
          throw AcsException.invalid(
              "Repeatability-Request-ID",
              "was already used for a different request; a repeatable request must be repeated unchanged");
        }
        return new Result(previous.response(), true);
      }
      Response response = execute.get();
      synchronized (this) {
        stored.put(key, new Stored(fingerprint, response));
      }
      return new Result(response, false);
    }
  }

  /** Forgets every stored response. */
  public synchronized void clear() {
    stored.clear();
    locks.clear();
  }
}
