package dev.handoff.emulator.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A fault to inject into the requests that match. Every non-null criterion must match.
 *
 * @param operation the operation name, e.g. {@code acs.transfer} (see the README), or {@code null}
 * @param method the HTTP method, or {@code null}
 * @param pathPattern a regular expression that must find a match in the raw path, or {@code null}
 * @param action what to do
 * @param times how many matching requests it applies to ({@code 1} = one-shot); {@code null} or
 *     {@code 0} = every matching request until removed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(
    String operation, String method, String pathPattern, FaultAction action, Integer times) {

  /** Validates the rule. */
  public FaultRule {
    Objects.requireNonNull(action, "action");
    if (times != null && times < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
    if (pathPattern != null) {
      try {
        Pattern.compile(pathPattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "pathPattern is not a regular expression: " + e.getMessage());
      }
    }
  }

  /** A one-shot rule for an operation. */
  public static FaultRule once(String operation, FaultAction action) {
    return new FaultRule(operation, null, null, action, 1);
  }

  /** A rule for an operation applying to the next {@code times} requests. */
  public static FaultRule times(String operation, FaultAction action, int times) {
    return new FaultRule(operation, null, null, action, times);
  }
}
