package dev.handoff.ports.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One callback delivery as any HTTP server received it: its headers, its body and, where known, the
 * URI it was posted to (query included).
 *
 * <p>Header names are matched without regard to case, as HTTP defines them.
 */
public final class CallbackDelivery {
  private final Map<String, List<String>> headers;
  private final String body;
  private final Optional<URI> uri;

  private CallbackDelivery(Map<String, List<String>> headers, String body, Optional<URI> uri) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers")
        .forEach(
            (name, values) -> {
              if (name != null && values != null) {
                copy.merge(name, List.copyOf(values), CallbackDelivery::concat);
              }
            });
    this.headers = copy;
    this.body = Objects.requireNonNull(body, "body");
    this.uri = uri;
  }

  /**
   * @param headers the request's headers, e.g. {@code HttpExchange.getRequestHeaders()}
   * @param body the request's body
   * @return the delivery
   */
  public static CallbackDelivery of(Map<String, List<String>> headers, String body) {
    return new CallbackDelivery(headers, body, Optional.empty());
  }

  /**
   * @param headers the request's headers
   * @param body the request's body, decoded as UTF-8
   * @return the delivery
   */
  public static CallbackDelivery of(Map<String, List<String>> headers, byte[] body) {
    return of(headers, new String(Objects.requireNonNull(body, "body"), StandardCharsets.UTF_8));
  }

  /**
   * @param value the URI the delivery was posted to, query included (needed by readers that check a
   *     secret in the query, and by callback bindings)
   * @return this delivery with its URI
   */
  public CallbackDelivery withUri(URI value) {
    return new CallbackDelivery(headers, body, Optional.of(Objects.requireNonNull(value, "uri")));
  }

  /**
   * @param name a header name, any case
   * @return the header's first value
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * @return the body
   */
  public String body() {
    return body;
  }

  /**
   * @return the URI it was posted to, when the server said
   */
  public Optional<URI> uri() {
    return uri;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
