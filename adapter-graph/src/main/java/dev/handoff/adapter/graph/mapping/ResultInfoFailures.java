package dev.handoff.adapter.graph.mapping;

import dev.handoff.adapter.graph.wire.ResultInfo;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification's {@code resultInfo} to the domain failure taxonomy: a reason and whether trying
 * again may help.
 *
 * <p>Graph publishes no complete list of result codes. The table below gathers what is published:
 * the transfer reference (0/7015 when a transfer completes, 500/7000 when a blind transfer fails
 * and the call is back to {@code established}, 500/7700 with {@code replacesContext} when a
 * consultative one fails), the "call end reason codes" of the call-delete reference (the codes a
 * {@code terminated} call carries: 200/4097 ... 200/18503 ordinary ends, 200/7015 a transfer that
 * completed, 408/8537, 408/1106, 408/10057 time-outs, 410/301005 media connectivity, 480/10037,
 * 480/10076, 480/10134 unreachable, 480/10199 private calling disabled, 500/1005 the bot's media),
 * and codes users reported from the service (500/7106 on a terminated call, 400/8541 unreachable
 * endpoints, 410/301004 a client media error on invite, 412/9999 and 403 for PSTN dial-out that the
 * tenant is not set up for). Everything else follows the SIP and HTTP classes the codes are drawn
 * from.
 *
 * <table>
 *   <caption>resultInfo → reason, retryable</caption>
 *   <tr><th>code / subcode</th><th>meaning</th><th>reason</th><th>retryable</th></tr>
 *   <tr><td>0 or 2xx (200/7015 included)</td><td>success or an ordinary end</td><td>no
 *       failure</td><td></td></tr>
 *   <tr><td>500/7000</td><td>blind transfer failed; the call is back to the transferor</td>
 *       <td>UNREACHABLE</td><td>yes: the transferee is still on the call</td></tr>
 *   <tr><td>500/7700</td><td>consultative transfer failed; the consultation call was not
 *       replaced</td><td>UNREACHABLE</td><td>yes: both calls are still up</td></tr>
 *   <tr><td>500/7106</td><td>internal error, call terminated</td><td>PROVIDER_ERROR</td>
 *       <td>no</td></tr>
 *   <tr><td>500/1005</td><td>the bot's media unreachable</td><td>PROVIDER_ERROR</td>
 *       <td>no</td></tr>
 *   <tr><td>408/8537, 408/1106, 408/10057</td><td>keep-alive, acceptance or signalling
 *       time-out</td><td>TIMEOUT</td><td>no</td></tr>
 *   <tr><td>410/301005, 410/301004</td><td>media connectivity, client media error</td>
 *       <td>PROVIDER_ERROR</td><td>no</td></tr>
 *   <tr><td>480/10037, 480/10076, 480/10134, 400/8541</td><td>no callee endpoint, callee not
 *       reachable, not routable, endpoints unreachable</td><td>UNREACHABLE</td><td>yes</td></tr>
 *   <tr><td>480/10199</td><td>private calling disabled for the user</td>
 *       <td>FORBIDDEN_BY_POLICY</td><td>no</td></tr>
 *   <tr><td>412/9999</td><td>PSTN leg without a sponsor's PSTN set-up</td>
 *       <td>FORBIDDEN_BY_POLICY</td><td>no</td></tr>
 *   <tr><td>400</td><td>client error</td><td>INVALID_REQUEST</td><td>no</td></tr>
 *   <tr><td>401</td><td></td><td>AUTHENTICATION</td><td>no</td></tr>
 *   <tr><td>403</td><td></td><td>FORBIDDEN_BY_POLICY</td><td>no</td></tr>
 *   <tr><td>404, 410</td><td></td><td>NOT_FOUND</td><td>no</td></tr>
 *   <tr><td>408, 480</td><td></td><td>NO_ANSWER</td><td>yes</td></tr>
 *   <tr><td>409</td><td></td><td>CONFLICT</td><td>yes</td></tr>
 *   <tr><td>429</td><td></td><td>THROTTLED</td><td>yes</td></tr>
 *   <tr><td>486, 600</td><td></td><td>BUSY</td><td>yes</td></tr>
 *   <tr><td>487</td><td></td><td>CANCELLED</td><td>no</td></tr>
 *   <tr><td>603</td><td></td><td>DECLINED</td><td>no</td></tr>
 *   <tr><td>other 5xx</td><td></td><td>PROVIDER_ERROR</td><td>yes</td></tr>
 *   <tr><td>anything else, or a code that is not a number</td><td></td><td>UNKNOWN</td>
 *       <td>no</td></tr>
 * </table>
 *
 * <p>Graph's generic failure codes (500/7000, 500/7700, x/9999) may carry the underlying code in
 * their message ({@code DiagCode: 486#...}); when it differs from the code, the reason is read from
 * it (486 BUSY, 603 DECLINED, ...). A failure reported with the end of a call ({@link #callEnded})
 * is never retryable: the call it concerned is gone.
 */
public final class ResultInfoFailures {
  private static final Pattern DIAG_CODE = Pattern.compile("DiagCode:\\s*(\\d+)#(\\d+)");

  /** A row of the table: the reason and whether the same request may succeed later. */
  private record Row(FailureReason reason, boolean retryable) {}

  private static final Map<String, Row> SPECIFIC =
      Map.ofEntries(
          Map.entry("500/7000", new Row(FailureReason.UNREACHABLE, true)),
          Map.entry("500/7700", new Row(FailureReason.UNREACHABLE, true)),
          Map.entry("500/7106", new Row(FailureReason.PROVIDER_ERROR, false)),
          Map.entry("500/1005", new Row(FailureReason.PROVIDER_ERROR, false)),
          Map.entry("408/8537", new Row(FailureReason.TIMEOUT, false)),
          Map.entry("408/1106", new Row(FailureReason.TIMEOUT, false)),
          Map.entry("408/10057", new Row(FailureReason.TIMEOUT, false)),
          Map.entry("410/301005", new Row(FailureReason.PROVIDER_ERROR, false)),
          Map.entry("410/301004", new Row(FailureReason.PROVIDER_ERROR, false)),
          Map.entry("480/10037", new Row(FailureReason.UNREACHABLE, true)),
          Map.entry("480/10076", new Row(FailureReason.UNREACHABLE, true)),
          Map.entry("480/10134", new Row(FailureReason.UNREACHABLE, true)),
          Map.entry("400/8541", new Row(FailureReason.UNREACHABLE, true)),
          Map.entry("480/10199", new Row(FailureReason.FORBIDDEN_BY_POLICY, false)),
          Map.entry("412/9999", new Row(FailureReason.FORBIDDEN_BY_POLICY, false)));

  /** Generic codes whose message may name the underlying one. */
  private static final Set<String> GENERIC = Set.of("500/7000", "500/7700");

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
   * @param info a result, possibly null
   * @return whether it is Graph's "transfer completed": code 0 or 200 with subcode 7015
   */
  public static boolean isTransferCompleted(ResultInfo info) {
    if (info == null) {
      return false;
    }
    OptionalInt code = number(info.code());
    OptionalInt subcode = info.effectiveSubcode().map(ResultInfoFailures::number).orElse(none());
    return code.isPresent()
        && (code.getAsInt() == 0 || code.getAsInt() == 200)
        && subcode.isPresent()
        && subcode.getAsInt() == 7015;
  }

  /**
   * @param code the code
   * @param subcode the sub-code
   * @return the reason
   */
  public static FailureReason reason(OptionalInt code, OptionalInt subcode) {
    return row(code, subcode, null).reason();
  }

  private static Row row(OptionalInt code, OptionalInt subcode, String message) {
    if (code.isEmpty()) {
      return new Row(FailureReason.UNKNOWN, false);
    }
    String key = code.getAsInt() + "/" + (subcode.isPresent() ? subcode.getAsInt() : "");
    Row specific = SPECIFIC.get(key);
    if (message != null && (GENERIC.contains(key) || subcode.orElse(0) == 9999)) {
      Matcher diag = DIAG_CODE.matcher(message);
      if (diag.find()) {
        OptionalInt underlying = number(diag.group(1));
        if (underlying.isPresent() && underlying.getAsInt() != code.getAsInt()) {
          Row refined = row(underlying, number(diag.group(2)), null);
          if (refined.reason() != FailureReason.UNKNOWN) {
            return refined;
          }
        }
      }
    }
    if (specific != null) {
      return specific;
    }
    FailureReason reason = bySipClass(code.getAsInt());
    return new Row(reason, reason.retryableByDefault());
  }

  private static FailureReason bySipClass(int c) {
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
    Row row = row(number(info.code()), subcode(info), info.message());
    return Optional.of(new Failure(row.reason(), row.retryable(), text(info, what), evidence));
  }

  /**
   * The failure a call's end reports: as {@link #failure}, never retryable, since the call is gone.
   *
   * @param info the result the {@code terminated} call carries
   * @param evidence the evidence to attach
   * @return the failure; empty when the call ended without an error
   */
  public static Optional<Failure> callEnded(ResultInfo info, ProviderEvidence evidence) {
    if (!isError(info)) {
      return Optional.empty();
    }
    Row row = row(number(info.code()), subcode(info), info.message());
    return Optional.of(new Failure(row.reason(), false, text(info, "call"), evidence));
  }

  private static OptionalInt subcode(ResultInfo info) {
    return info.effectiveSubcode().map(ResultInfoFailures::number).orElse(none());
  }

  private static String text(ResultInfo info, String what) {
    String failed = what.equals("call") ? " ended in error" : " failed";
    return "Microsoft Graph reports the "
        + what
        + failed
        + ": resultInfo "
        + info.code()
        + info.effectiveSubcode().map(s -> "/" + s).orElse("")
        + (info.message() == null ? "" : ": " + info.message());
  }

  private static OptionalInt none() {
    return OptionalInt.empty();
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
