package dev.handoff.emulator.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator received on a provider endpoint (control-API requests are not
 * journaled).
 *
 * @param sequence the order of arrival, from 1
 * @param receivedAt when it arrived
 * @param scheme {@code http} or {@code https}
 * @param method the HTTP method
 * @param path the raw path
 * @param query the raw query, or {@code null}
 * @param headers the request headers
 * @param body the request body as text
 * @param operation the operation it was routed to (e.g. {@code acs.transfer}), or {@code unknown}
 * @param status the response status, or {@code null} when no response was sent
 * @param responseBody the response body as text ({@code ""} for none)
 * @param note what else happened: the injected fault, a repeatability replay, an auth failure
 *     reason; {@code null} when nothing
 */
public record ReceivedRequest(
    long sequence,
    Instant receivedAt,
    String scheme,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    String operation,
    Integer status,
    String responseBody,
    String note) {

  /** The first value of a request header, case-insensitively, or {@code null}. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
