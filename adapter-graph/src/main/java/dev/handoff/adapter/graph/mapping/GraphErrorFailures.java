package dev.handoff.adapter.graph.mapping;

import dev.handoff.adapter.graph.wire.GraphErrorResponse;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.Map;
import java.util.Optional;

/**
 * Graph's synchronous error answers to the domain failure taxonomy.
 *
 * <p>Graph's error {@code code} is read first (cloud-communications codes are numbers sent as
 * text), then the HTTP status:
 *
 * <table>
 *   <caption>error code → reason</caption>
 *   <tr><th>code</th><th>meaning</th><th>reason</th></tr>
 *   <tr><td>8522</td><td>call not found</td><td>NOT_FOUND</td></tr>
 *   <tr><td>9997</td><td>call not found</td><td>NOT_FOUND</td></tr>
 *   <tr><td>7505</td><td>request authorization tenant mismatch</td><td>TENANT_MISMATCH</td></tr>
 *   <tr><td>8523</td><td>cannot transfer a call in meeting mode (an invite turned the
 *       peer-to-peer call into a group call)</td><td>UNSUPPORTED: Graph cannot do it on that
 *       call, whatever the tenant's policies</td></tr>
 * </table>
 *
 * <table>
 *   <caption>HTTP status → reason</caption>
 *   <tr><th>status</th><th>reason</th></tr>
 *   <tr><td>400, 405, 406, 411, 413, 415, 416, 422</td><td>INVALID_REQUEST</td></tr>
 *   <tr><td>401</td><td>AUTHENTICATION</td></tr>
 *   <tr><td>403</td><td>FORBIDDEN_BY_POLICY</td></tr>
 *   <tr><td>404, 410</td><td>NOT_FOUND</td></tr>
 *   <tr><td>409, 412, 423</td><td>CONFLICT</td></tr>
 *   <tr><td>429</td><td>THROTTLED</td></tr>
 *   <tr><td>501</td><td>UNSUPPORTED</td></tr>
 *   <tr><td>other 5xx</td><td>PROVIDER_ERROR</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 */
public final class GraphErrorFailures {
  private static final Map<String, FailureReason> BY_CODE =
      Map.of(
          "8522", FailureReason.NOT_FOUND,
          "9997", FailureReason.NOT_FOUND,
          "7505", FailureReason.TENANT_MISMATCH,
          "8523", FailureReason.UNSUPPORTED);

  private GraphErrorFailures() {}

  /**
   * @param status the HTTP status
   * @param code Graph's error code, when the body had one
   * @return the reason
   */
  public static FailureReason reason(int status, Optional<String> code) {
    Optional<FailureReason> byCode = code.map(String::trim).map(BY_CODE::get);
    return byCode.orElseGet(() -> byStatus(status));
  }

  private static FailureReason byStatus(int status) {
    switch (status) {
      case 400:
      case 405:
      case 406:
      case 411:
      case 413:
      case 415:
      case 416:
      case 422:
        return FailureReason.INVALID_REQUEST;
      case 401:
        return FailureReason.AUTHENTICATION;
      case 403:
        return FailureReason.FORBIDDEN_BY_POLICY;
      case 404:
      case 410:
        return FailureReason.NOT_FOUND;
      case 409:
      case 412:
      case 423:
        return FailureReason.CONFLICT;
      case 429:
        return FailureReason.THROTTLED;
      case 501:
        return FailureReason.UNSUPPORTED;
      default:
        return status >= 500 && status <= 599
            ? FailureReason.PROVIDER_ERROR
            : FailureReason.UNKNOWN;
    }
  }

  /**
   * Builds the failure for an error answer.
   *
   * @param status the HTTP status
   * @param error the parsed error body, when it was one
   * @param evidence what is already known (status, request ids); the error's code, message and
   *     inner-error ids are added
   * @param context what was being done, for the message, e.g. {@code transfer}
   * @return the failure
   */
  public static Failure failure(
      int status,
      Optional<GraphErrorResponse.Error> error,
      ProviderEvidence.Builder evidence,
      String context) {
    Optional<String> code = error.map(GraphErrorResponse.Error::code);
    Optional<String> message = error.map(GraphErrorResponse.Error::message);
    code.ifPresent(evidence::code);
    message.ifPresent(evidence::message);
    error
        .map(GraphErrorResponse.Error::innerError)
        .ifPresent(
            inner -> {
              if (inner.code() != null) {
                evidence.subCode(inner.code());
              }
              evidence
                  .reference("innerError.request-id", inner.requestId())
                  .reference("innerError.client-request-id", inner.clientRequestId())
                  .reference("innerError.date", inner.date());
            });
    FailureReason reason = reason(status, code);
    String text =
        "Microsoft Graph refused the "
            + context
            + ": HTTP "
            + status
            + code.map(c -> ", code " + c).orElse("")
            + message.map(m -> ": " + m).orElse("");
    return Failure.of(reason, text, evidence.build());
  }
}
