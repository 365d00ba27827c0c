package dev.handoff.adapter.graph.mapping;

import dev.handoff.adapter.graph.wire.ResultInfo;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A notification's {@code resultInfo} to the domain failure taxonomy.
 *
 * <p>Graph publishes no list of result codes; its codes follow SIP and HTTP (2xx success, 4xx
 * client, 5xx server; graph.md §4.4). The table:
 *
 * <table>
 *   <caption>resultInfo → reason</caption>
 *   <tr><th>code (subcode)</th><th>reason</th></tr>
 *   <tr><td>0, 200..299</td><td>success: no failure</td></tr>
 *   <tr><td>400 (8541: callee's endpoints unreachable)</td><td>UNREACHABLE</td></tr>
 *   <tr><td>410 (301004: client media error)</td><td>PROVIDER_ERROR</td></tr>
 *   <tr><td>400</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>401</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>403</td><td>FORBIDDEN_BY_POLICY</td></tr>
 *   <tr><td>404, 410</td><td>NOT_FOUND</td></tr>
 *   <tr><td>408, 480</td><td>NO_ANSWER</td></tr>
 *   <tr><td>409</td><td>CONFLICT</td></tr>
 *   <tr><td>429</td><td>THROTTLED</td></tr>
 *   <tr><td>486, 600</td><td>BUSY</td></tr>
 *   <tr><td>487</td><td>CANCELLED</td></tr>
 *   <tr><td>603</td><td>DECLINED</td></tr>
 *   <tr><td>500..599 (e.g. 500/7000 blind transfer failed, 500/7700 consultative transfer
 *       failed)</td><td>PROVIDER_ERROR</td></tr>
 *   <tr><td>anything else, or a code that is not a number</td><td>UNKNOWN</td></tr>
 * </table>
 */
public final class ResultInfoFailures {
  private ResultInfoFailures() {}

  /**
   * @param info a result
   * @return whether it reports success: code 0 or 2xx
   */
  public static boolean isSuccess(ResultInfo info) {
    OptionalInt code = number(info.code());
    return code.isPresent()
        && (code.getAsInt() == 0 || (code.getAsInt() >= 200 && code.getAsInt() <= 299));
  }

  /**
   * @param info a result; null or a success gives no failure
   * @return whether it reports an error
   */
  public static boolean isError(ResultInfo info) {
    return info != null && info.code() != null && !isSuccess(info);
  }

  /**
   * @param code the code
   * @param subcode the sub-code
   * @return the reason
   */
  public static FailureReason reason(OptionalInt code, OptionalInt subcode) {
    if (code.isEmpty()) {
      return FailureReason.UNKNOWN;
    }
    int c = code.getAsInt();
    int s = subcode.orElse(-1);
    if (c == 400 && s == 8541) {
      return FailureReason.UNREACHABLE;
    }
    if (c == 410 && s == 301004) {
      return FailureReason.PROVIDER_ERROR;
    }
    switch (c) {
      case 400:
        return FailureReason.INVALID_REQUEST;
      case 401:
        return FailureReason.AUTHENTICATION;
      case 403:
        return FailureReason.FORBIDDEN_BY_POLICY;
      case 404:
      case 410:
        return FailureReason.NOT_FOUND;
      case 408:
      case 480:
        return FailureReason.NO_ANSWER;
      case 409:
        return FailureReason.CONFLICT;
      case 429:
        return FailureReason.THROTTLED;
      case 486:
      case 600:
        return FailureReason.BUSY;
      case 487:
        return FailureReason.CANCELLED;
      case 603:
        return FailureReason.DECLINED;
      default:
        return c >= 500 && c <= 599 ? FailureReason.PROVIDER_ERROR : FailureReason.UNKNOWN;
    }
  }

  /**
   * Adds a result's code, sub-code and message to evidence.
   *
   * @param info the result, possibly null
   * @param evidence the evidence being built
   * @return the same builder
   */
  public static ProviderEvidence.Builder describe(
      ResultInfo info, ProviderEvidence.Builder evidence) {
    if (info != null) {
      if (info.code() != null) {
        evidence.code(info.code());
      }
      info.effectiveSubcode().ifPresent(evidence::subCode);
      if (info.message() != null) {
        evidence.message(info.message());
      }
    }
    return evidence;
  }

  /**
   * @param info a result
   * @param evidence the evidence to attach (the result's parts already in it)
   * @param what what failed, for the message, e.g. {@code transfer}
   * @return the failure it reports; empty for a success
   */
  public static Optional<Failure> failure(ResultInfo info, ProviderEvidence evidence, String what) {
    if (!isError(info)) {
      return Optional.empty();
    }
    OptionalInt code = number(info.code());
    OptionalInt subcode =
        info.effectiveSubcode().map(ResultInfoFailures::number).orElse(OptionalInt.empty());
    String text =
        "Microsoft Graph reports the "
            + what
            + " failed: resultInfo "
            + info.code()
            + info.effectiveSubcode().map(s -> "/" + s).orElse("")
            + (info.message() == null ? "" : ": " + info.message());
    return Optional.of(Failure.of(reason(code, subcode), text, evidence));
  }

  /**
   * @param text a code as text
   * @return the number, when it is one
   */
  public static OptionalInt number(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    String trimmed = text.trim();
    try {
      return OptionalInt.of(Integer.parseInt(trimmed));
    } catch (NumberFormatException notInteger) {
      try {
        // Kiota-era payloads may carry codes as JSON doubles (7000.0).
        double value = Double.parseDouble(trimmed);
        return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE
            ? OptionalInt.of((int) value)
            : OptionalInt.empty();
      } catch (NumberFormatException notNumber) {
        return OptionalInt.empty();
      }
    }
  }
}
