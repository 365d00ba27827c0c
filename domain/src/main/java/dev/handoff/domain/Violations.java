package dev.handoff.domain;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects the violations found while validating one value, so that all of them are reported
 * together, and holds the checks that several values of the model share.
 *
 * <p>Typical use, in a record's compact constructor:
 *
 * <pre>{@code
 * Violations v = Violations.of("CallTransfer");
 * v.callId("callId", callId);
 * v.required("target", target);
 * v.throwIfAny();
 * }</pre>
 */
public final class Violations {
  /** Longest identifier (call id, invitation id, user id) the model accepts. */
  public static final int MAX_ID_LENGTH = 256;

  private final String subject;
  private final List<Violation> found = new ArrayList<>();

  private Violations(String subject) {
    this.subject = subject;
  }

  /**
   * @param subject what is being validated, e.g. {@code CallTransfer}
   * @return an empty collector
   */
  public static Violations of(String subject) {
    return new Violations(subject);
  }

  /**
   * Records a violation.
   *
   * @param path the field path
   * @param rule the broken rule
   * @param shownValue the offending value as it may be shown, or null when there is none to show
   */
  public void add(String path, String rule, String shownValue) {
    found.add(new Violation(path, rule, Optional.ofNullable(shownValue)));
  }

  /**
   * Records a violation unless {@code ok}.
   *
   * @param ok whether the rule holds
   * @param path the field path
   * @param rule the rule
   * @param offending the offending value, shown with {@link Shown#value(Object)}
   * @return {@code ok}
   */
  public boolean check(boolean ok, String path, String rule, Object offending) {
    if (!ok) {
      add(path, rule, offending == null ? null : Shown.value(offending));
    }
    return ok;
  }

  /**
   * Requires a value to be present.
   *
   * @param path the field path
   * @param value the value
   * @return whether it is present
   */
  public boolean required(String path, Object value) {
    if (value == null) {
      add(path, "is required", null);
      return false;
    }
    return true;
  }

  /**
   * Runs a nested construction, and records its violations under {@code path} instead of throwing
   * them.
   *
   * @param path where the nested value sits
   * @param construction builds the nested value
   * @param <T> the nested value's type
   * @return the nested value, or null when it was invalid
   */
  public <T> T nested(String path, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (ValidationException e) {
      e.violations().forEach(violation -> found.add(violation.under(path)));
      return null;
    }
  }

  /**
   * Requires an identifier: present, not blank, at most {@value #MAX_ID_LENGTH} characters, no
   * white space or control characters.
   *
   * @param path the field path
   * @param value the identifier
   * @return whether it is valid
   */
  public boolean identifier(String path, String value) {
    if (!required(path, value)) {
      return false;
    }
    if (value.isBlank()) {
      add(path, "must not be blank", null);
      return false;
    }
    boolean ok = true;
    if (value.length() > MAX_ID_LENGTH) {
      add(path, "must be at most " + MAX_ID_LENGTH + " characters", Shown.value(value));
      ok = false;
    }
    if (!hasNoSpaceOrControl(value)) {
      add(path, "must not contain white space or control characters", Shown.value(value));
      ok = false;
    }
    return ok;
  }

  // The checks below run for every identifier and text of every event a provider sends: plain
  // loops, and a rule's text built only when the rule is broken.

  private static boolean hasNoSpaceOrControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        if (Character.isWhitespace(c) || Character.isISOControl(c)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean hasNoControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' || c >= 0x7f) && Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Requires free text: present, not blank, at most {@code max} characters, no control characters.
   *
   * @param path the field path
   * @param value the text
   * @param max the longest allowed length
   * @return whether it is valid
   */
  public boolean text(String path, String value, int max) {
    if (!required(path, value)) {
      return false;
    }
    if (value.isBlank()) {
      add(path, "must not be blank", null);
      return false;
    }
    boolean ok = true;
    if (value.length() > max) {
      add(path, "must be at most " + max + " characters", Shown.value(value));
      ok = false;
    }
    if (!hasNoControl(value)) {
      add(path, "must not contain control characters", Shown.value(value));
      ok = false;
    }
    return ok;
  }

  /**
   * Like {@link #text(String, String, int)} for an optional value.
   *
   * @param path the field path
   * @param value the optional text
   * @param max the longest allowed length
   */
  public void optionalText(String path, Optional<String> value, int max) {
    value.ifPresent(text -> text(path, text, max));
  }

  /**
   * Requires a callback URI: absolute, {@code http} or {@code https}, with a host.
   *
   * @param path the field path
   * @param uri the URI
   * @return whether it is valid
   */
  public boolean callbackUri(String path, URI uri) {
    if (!required(path, uri)) {
      return false;
    }
    boolean web =
        uri.isAbsolute()
            && ("https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()))
            && uri.getHost() != null;
    if (!web) {
      add(path, "must be an absolute http or https URI with a host", Shown.uri(uri));
    }
    return web;
  }

  /**
   * Requires a duration of whole seconds within a range: a fraction of a second would otherwise be
   * lost on the wire.
   *
   * @param path the field path
   * @param value the duration
   * @param minSeconds the least allowed number of seconds
   * @param maxSeconds the most allowed number of seconds
   * @return whether it is valid
   */
  public boolean wholeSeconds(String path, Duration value, long minSeconds, long maxSeconds) {
    if (!required(path, value)) {
      return false;
    }
    if (value.getNano() != 0) {
      add(path, "must be a whole number of seconds", value.toString());
      return false;
    }
    return check(
        value.getSeconds() >= minSeconds && value.getSeconds() <= maxSeconds,
        path,
        "must be between " + minSeconds + " and " + maxSeconds + " seconds",
        value.getSeconds() + "s");
  }

  /**
   * @return whether no violation was found
   */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * @return the violations found so far
   */
  public List<Violation> found() {
    return List.copyOf(found);
  }

  /**
   * Throws a {@link ValidationException} listing every violation, if any was found.
   *
   * @throws ValidationException when a rule was broken
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(subject, found);
    }
  }
}
