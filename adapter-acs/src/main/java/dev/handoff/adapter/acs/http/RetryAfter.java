package dev.handoff.adapter.acs.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the delay a service asks for before a retry, from the first present of {@code
 * x-ms-retry-after-ms}, {@code retry-after-ms} (milliseconds) and {@code Retry-After} (seconds, or
 * an HTTP date), as azure-core does. {@code 0} means retry now (ACS sends {@code retry-after: 0}).
 * Values that are not numbers or dates, or are negative, are ignored and the backoff decides.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * @param headers the response headers
   * @param now the time now, for HTTP dates
   * @return the delay the service asks for, if it asks for one
   */
  public static Optional<Duration> of(HttpHeaders headers, Instant now) {
    Optional<Duration> millis =
        headers.firstValue("x-ms-retry-after-ms").flatMap(RetryAfter::millis);
    if (millis.isPresent()) {
      return millis;
    }
    millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::millis);
    if (millis.isPresent()) {
      return millis;
    }
    return headers.firstValue("Retry-After").flatMap(value -> secondsOrDate(value, now));
  }

  private static Optional<Duration> millis(String value) {
    try {
      long ms = Long.parseLong(value.trim());
      return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> secondsOrDate(String value, Instant now) {
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      return HttpDates.parse(value)
          .map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }
  }
}
