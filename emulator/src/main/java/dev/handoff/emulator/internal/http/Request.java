package dev.handoff.emulator.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as received, fully read.
 *
 * @param scheme {@code http} or {@code https}, by the listener that received it
 * @param method the method, upper case
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param rawQuery the query exactly as sent, or {@code null}
 * @param headers the headers, looked up case-insensitively
 * @param body the body bytes (empty when none)
 * @param baseUrl the emulator's own base URL for this listener, e.g. {@code https://127.0.0.1:8443}
 */
public record Request(
    String scheme,
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String baseUrl) {

  /** Copies the headers into a case-insensitive, unmodifiable map. */
  public Request {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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

  /** The decoded query parameters, first value wins. */
  public Map<String, String> queryParameters() {
    return decodeForm(rawQuery);
  }

  /**
   * The decoded value of a query parameter whose name matches case-insensitively, as query option
   * names are read by both providers; the first one wins.
   */
  public Optional<String> queryParameterIgnoringCase(String name) {
    return queryParameters().entrySet().stream()
        .filter(parameter -> parameter.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Decodes {@code application/x-www-form-urlencoded} text; the first value of a name wins. */
  public static Map<String, String> decodeForm(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(name, value);
    }
    return out;
  }

  /** The request path and query as sent, e.g. {@code /a:b?api-version=x}. */
  public String pathAndQuery() {
    return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
  }
}
