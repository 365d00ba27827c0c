package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.wire.ResultInformation;
import dev.handoff.adapter.acs.wire.SipDiagnosticInfo;
import dev.handoff.domain.failure.FailureReason;
import java.util.Map;

/**
 * Maps an event's {@code resultInformation} to a failure reason: first by the Call Automation
 * sub-code, then by the SIP class of {@code code}, then of {@code sipDetails.code}, then by the
 * Q.850 cause; {@code UNKNOWN} when none is telling.
 *
 * <table>
 *   <caption>Sub-codes</caption>
 *   <tr><th>subCode</th><th>meaning</th><th>reason</th></tr>
 *   <tr><td>8538</td><td>callee declined</td><td>DECLINED</td></tr>
 *   <tr><td>8539, 8540</td><td>callee busy, busy everywhere</td><td>BUSY</td></tr>
 *   <tr><td>8541, 8544</td><td>callee unavailable, unreachable</td><td>UNREACHABLE</td></tr>
 *   <tr><td>8542, 5234</td><td>call cancelled (5234: invitation withdrawn)</td><td>CANCELLED</td></tr>
 *   <tr><td>8522</td><td>not found</td><td>NOT_FOUND</td></tr>
 *   <tr><td>8523</td><td>invalid argument</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>8520</td><td>not supported</td><td>UNSUPPORTED</td></tr>
 *   <tr><td>8519, 8607</td><td>conflicting action, transfer operation conflict</td>
 *       <td>CONFLICT</td></tr>
 *   <tr><td>9001</td><td>underlying service failed</td><td>PROVIDER_ERROR</td></tr>
 *   <tr><td>9002</td><td>underlying service timed out</td><td>TIMEOUT</td></tr>
 * </table>
 *
 * <table>
 *   <caption>SIP codes ({@code code}, else {@code sipDetails.code})</caption>
 *   <tr><th>code</th><th>reason</th></tr>
 *   <tr><td>408, 480</td><td>NO_ANSWER</td></tr>
 *   <tr><td>486, 600</td><td>BUSY</td></tr>
 *   <tr><td>603</td><td>DECLINED</td></tr>
 *   <tr><td>404, 604</td><td>NOT_FOUND</td></tr>
 *   <tr><td>487</td><td>CANCELLED</td></tr>
 *   <tr><td>403</td><td>FORBIDDEN_BY_POLICY</td></tr>
 *   <tr><td>5xx</td><td>PROVIDER_ERROR</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Q.850 causes ({@code q850Details.code})</caption>
 *   <tr><th>cause</th><th>reason</th></tr>
 *   <tr><td>17</td><td>BUSY</td></tr>
 *   <tr><td>18, 19</td><td>NO_ANSWER</td></tr>
 *   <tr><td>21</td><td>DECLINED</td></tr>
 *   <tr><td>1</td><td>NOT_FOUND</td></tr>
 * </table>
 */
public final class EventResultTable {
  private static final Map<Integer, FailureReason> BY_SUB_CODE =
      Map.ofEntries(
          Map.entry(8538, FailureReason.DECLINED),
          Map.entry(8539, FailureReason.BUSY),
          Map.entry(8540, FailureReason.BUSY),
          Map.entry(8541, FailureReason.UNREACHABLE),
          Map.entry(8544, FailureReason.UNREACHABLE),
          Map.entry(8542, FailureReason.CANCELLED),
          Map.entry(5234, FailureReason.CANCELLED),
          Map.entry(8522, FailureReason.NOT_FOUND),
          Map.entry(8523, FailureReason.INVALID_REQUEST),
          Map.entry(8520, FailureReason.UNSUPPORTED),
          Map.entry(8519, FailureReason.CONFLICT),
          Map.entry(8607, FailureReason.CONFLICT),
          Map.entry(9001, FailureReason.PROVIDER_ERROR),
          Map.entry(9002, FailureReason.TIMEOUT));

  private static final Map<Integer, FailureReason> BY_SIP_CODE =
      Map.ofEntries(
          Map.entry(408, FailureReason.NO_ANSWER),
          Map.entry(480, FailureReason.NO_ANSWER),
          Map.entry(486, FailureReason.BUSY),
          Map.entry(600, FailureReason.BUSY),
          Map.entry(603, FailureReason.DECLINED),
          Map.entry(404, FailureReason.NOT_FOUND),
          Map.entry(604, FailureReason.NOT_FOUND),
          Map.entry(487, FailureReason.CANCELLED),
          Map.entry(403, FailureReason.FORBIDDEN_BY_POLICY));

  private static final Map<Integer, FailureReason> BY_Q850_CAUSE =
      Map.of(
          17, FailureReason.BUSY,
          18, FailureReason.NO_ANSWER,
          19, FailureReason.NO_ANSWER,
          21, FailureReason.DECLINED,
          1, FailureReason.NOT_FOUND);

  private EventResultTable() {}

  /**
   * @param result the result information, or null when the event had none
   * @return the reason
   */
  public static FailureReason reason(ResultInformation result) {
    if (result == null) {
      return FailureReason.UNKNOWN;
    }
    if (result.subCode() != null && BY_SUB_CODE.containsKey(result.subCode())) {
      return BY_SUB_CODE.get(result.subCode());
    }
    FailureReason bySip = bySip(result.code());
    if (bySip == FailureReason.UNKNOWN) {
      bySip = bySip(codeOf(result.sipDetails()));
    }
    if (bySip != FailureReason.UNKNOWN) {
      return bySip;
    }
    Integer cause = codeOf(result.q850Details());
    return cause == null
        ? FailureReason.UNKNOWN
        : BY_Q850_CAUSE.getOrDefault(cause, FailureReason.UNKNOWN);
  }

  private static FailureReason bySip(Integer code) {
    if (code == null) {
      return FailureReason.UNKNOWN;
    }
    if (BY_SIP_CODE.containsKey(code)) {
      return BY_SIP_CODE.get(code);
    }
    return code >= 500 && code <= 599 ? FailureReason.PROVIDER_ERROR : FailureReason.UNKNOWN;
  }

  private static Integer codeOf(SipDiagnosticInfo info) {
    return info == null ? null : info.code();
  }
}
