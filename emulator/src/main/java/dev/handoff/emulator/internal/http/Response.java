package dev.handoff.emulator.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response to send.
 *
 * @param status the status code
 * @param headers the headers, in the order they are sent
 * @param body the body bytes; empty for none
 */
public record Response(int status, Map<String, List<String>> headers, byte[] body) {

  /** Content type the ACS service sends. */
  public static final String JSON_UTF8 = "application/json; charset=utf-8";

  /** Copies its inputs. */
  public Response {
    headers = copy(headers);
    body = body.clone();
  }

  /** A JSON response with the given content type. */
  public static Response json(int status, JsonNode node, String contentType) {
    return new Response(status, Map.of("Content-Type", List.of(contentType)), Json.bytes(node));
  }

  /** A JSON response ({@code application/json; charset=utf-8}). */
  public static Response json(int status, JsonNode node) {
    return json(status, node, JSON_UTF8);
  }

  /** A response without a body. */
  public static Response empty(int status) {
    return new Response(status, Map.of(), new byte[0]);
  }

  /** A plain-text response. */
  public static Response text(int status, String text, String contentType) {
    return new Response(
        status,
        Map.of("Content-Type", List.of(contentType)),
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** This response with one more header (replacing an existing one of the same name). */
  public Response withHeader(String name, String value) {
    Map<String, List<String>> next = copy(headers);
    next.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    next.put(name, List.of(value));
    return new Response(status, next, body);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The first value of a header, case-insensitively, or {@code null}. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }
}
