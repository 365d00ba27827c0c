package dev.handoff.adapter.acs.http;

import dev.handoff.domain.failure.FailureReason;
import java.util.Map;

/**
 * Maps a synchronous error answer (HTTP status and the {@code CommunicationError.code}, which Call
 * Automation fills with its sub-code) to a failure reason. The code decides where it is known;
 * otherwise the status does.
 *
 * <table>
 *   <caption>By code</caption>
 *   <tr><th>code</th><th>meaning</th><th>reason</th></tr>
 *   <tr><td>7509</td><td>HMAC-SHA256 validation failed</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>7507</td><td>call source identity invalid (another resource's key)</td>
 *       <td>AUTHENTICATION</td></tr>
 *   <tr><td>7504</td><td>insufficient permissions</td><td>FORBIDDEN_BY_POLICY</td></tr>
 *   <tr><td>8522</td><td>call or participant not found</td><td>NOT_FOUND</td></tr>
 *   <tr><td>8528</td><td>call already terminated</td><td>NOT_FOUND</td></tr>
 *   <tr><td>8523</td><td>invalid argument (the message names the field)</td>
 *       <td>INVALID_REQUEST</td></tr>
 *   <tr><td>8520</td><td>not supported at this time</td><td>UNSUPPORTED</td></tr>
 *   <tr><td>8519, 8607</td><td>conflicting parallel action, transfer operation conflict</td>
 *       <td>CONFLICT</td></tr>
 *   <tr><td>8501, 8585</td><td>call not established yet, action not valid in the call's current
 *       state</td><td>CONFLICT (the call's state conflicts with the action; it may pass)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>By status, for other codes</caption>
 *   <tr><th>status</th><th>reason</th></tr>
 *   <tr><td>401</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>403</td><td>FORBIDDEN_BY_POLICY</td></tr>
 *   <tr><td>404</td><td>NOT_FOUND</td></tr>
 *   <tr><td>405, 501, 505</td><td>UNSUPPORTED</td></tr>
 *   <tr><td>408, 504</td><td>TIMEOUT</td></tr>
 *   <tr><td>409</td><td>CONFLICT</td></tr>
 *   <tr><td>429</td><td>THROTTLED</td></tr>
 *   <tr><td>other 5xx</td><td>PROVIDER_ERROR</td></tr>
 *   <tr><td>other 4xx (400 included)</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 */
public final class SyncErrorTable {
  private static final Map<String, FailureReason> BY_CODE =
      Map.ofEntries(
          Map.entry("7509", FailureReason.AUTHENTICATION),
          Map.entry("7507", FailureReason.AUTHENTICATION),
          Map.entry("7504", FailureReason.FORBIDDEN_BY_POLICY),
          Map.entry("8522", FailureReason.NOT_FOUND),
          Map.entry("8528", FailureReason.NOT_FOUND),
          Map.entry("8523", FailureReason.INVALID_REQUEST),
          Map.entry("8520", FailureReason.UNSUPPORTED),
          Map.entry("8519", FailureReason.CONFLICT),
          Map.entry("8607", FailureReason.CONFLICT),
          Map.entry("8501", FailureReason.CONFLICT),
          Map.entry("8585", FailureReason.CONFLICT));

  private SyncErrorTable() {}

  /**
   * @param status the HTTP status
   * @param code the error code, or null when the body had none
   * @return the reason
   */
  public static FailureReason reason(int status, String code) {
    FailureReason byCode = code == null ? null : BY_CODE.get(code.trim());
    return byCode != null ? byCode : byStatus(status);
  }

  private static FailureReason byStatus(int status) {
    switch (status) {
      case 401:
        return FailureReason.AUTHENTICATION;
      case 403:
        return FailureReason.FORBIDDEN_BY_POLICY;
      case 404:
        return FailureReason.NOT_FOUND;
      case 405:
      case 501:
      case 505:
        return FailureReason.UNSUPPORTED;
      case 408:
      case 504:
        return FailureReason.TIMEOUT;
      case 409:
        return FailureReason.CONFLICT;
      case 429:
        return FailureReason.THROTTLED;
      default:
        if (status >= 500 && status <= 599) {
          return FailureReason.PROVIDER_ERROR;
        }
        if (status >= 400 && status <= 499) {
          return FailureReason.INVALID_REQUEST;
        }
        return FailureReason.UNKNOWN;
    }
  }
}
