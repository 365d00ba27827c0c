package dev.handoff.app.config;

import java.util.Objects;

/**
 * A configured secret. Its {@link #toString()} never shows the value, so that a secret printed by
 * accident (in a log line, an exception, a config dump) does not leak.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Used by the configuration system to convert the configured text.
   *
   * @param value the secret
   * @return the secret
   */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /**
   * @return the secret itself; pass it on, never log it
   */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "***";
  }
}
