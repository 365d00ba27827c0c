package dev.handoff.adapter.acs.http;

import dev.handoff.ports.security.EndpointRules;
import java.net.URI;

/**
 * Rules for the URLs the adapter talks to: those of {@link EndpointRules}, shared by every adapter
 * (HTTPS, except plain HTTP to a loopback host, where a local emulator runs), and for service
 * endpoints no query or fragment.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * @param uri a URL
   * @param what what it is, for the error message
   * @return the URL, without query, fragment or trailing slash
   * @throws IllegalArgumentException when it is not an absolute https URL (or http to loopback), or
   *     carries user info, a query or a fragment
   */
  public static URI requireServiceEndpoint(URI uri, String what) {
    URI checked = requireSecure(uri, what);
    if (checked.getRawQuery() != null || checked.getRawFragment() != null) {
      throw new IllegalArgumentException(what + ": must not have a query or fragment: " + uri);
    }
    String text = checked.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  /**
   * @param uri a URL
   * @param what what it is, for the error message
   * @return the URL
   * @throws IllegalArgumentException when it is not an absolute https URL (or http to loopback), or
   *     carries user info
   */
  public static URI requireSecure(URI uri, String what) {
    EndpointRules.problem(uri)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(what + ": " + problem + ", got " + uri);
            });
    return uri;
  }

  /**
   * @param host a URI host
   * @return whether it is one of the loopback hosts plain http is allowed for
   */
  public static boolean isLoopback(String host) {
    return EndpointRules.isLoopback(host);
  }
}
