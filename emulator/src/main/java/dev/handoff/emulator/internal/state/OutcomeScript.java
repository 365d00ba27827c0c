package dev.handoff.emulator.internal.state;

import dev.handoff.emulator.control.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scripted outcome per target. A target is keyed by any of its ids: an ACS raw id ({@code
 * 4:+14255550123}), a bare phone number ({@code +14255550123}, which matches ACS and Graph), an ACS
 * or Entra user id, an app id. Thread-safe.
 */
public final class OutcomeScript {

  private final Map<String, Outcome> byTarget = new LinkedHashMap<>();
  private Outcome fallback = Outcome.accept();

  /** Scripts the outcome for a target (replacing an earlier one). */
  public synchronized void put(String target, Outcome outcome) {
    byTarget.put(target.toLowerCase(Locale.ROOT), outcome);
  }

  /** Sets what targets without a script do (initially {@link Outcome#accept()}). */
  public synchronized void fallback(Outcome outcome) {
    this.fallback = outcome;
  }

  /** The outcome for the first key that has one, else the fallback. */
  public synchronized Outcome resolve(List<String> keys) {
    for (String key : keys) {
      Outcome outcome = byTarget.get(key.toLowerCase(Locale.ROOT));
      if (outcome != null) {
        return outcome;
      }
    }
    return fallback;
  }

  /** The scripted outcomes. */
  public synchronized Map<String, Outcome> scripts() {
    return Map.copyOf(byTarget);
  }

  /** The fallback outcome. */
  public synchronized Outcome fallback() {
    return fallback;
  }

  /** Forgets every script and restores the accepting fallback. */
  public synchronized void clear() {
    byTarget.clear();
    fallback = Outcome.accept();
  }
}
