package dev.handoff.adapter.acs.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates in IMF-fixdate form ({@code Sun, 06 Nov 1994 08:49:37 GMT}, RFC 9110), as {@code
 * x-ms-date} and {@code Repeatability-First-Sent} need them. {@link
 * DateTimeFormatter#RFC_1123_DATE_TIME} is not used for writing: it drops the leading zero of the
 * day, which IMF-fixdate requires.
 */
public final class HttpDates {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /**
   * @param instant an instant
   * @return it as an IMF-fixdate, to the second
   */
  public static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /**
   * @param text an HTTP date (IMF-fixdate or other RFC 1123 forms)
   * @return the instant, or empty when the text is not an HTTP date
   */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
