package dev.handoff.adapter.acs.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for the URLs the adapter talks to: HTTPS, except plain HTTP to a loopback host ({@code
 * 127.0.0.1}, {@code ::1}, {@code localhost}) so that a local emulator can be used without
 * certificates. Credentials are never sent in clear over a network.
 */
public final class Endpoints {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

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
    if (uri == null) {
      throw new IllegalArgumentException(what + ": is required");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(what + ": must be an absolute URL with a host: " + uri);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + ": must not carry user info");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return uri;
    }
    if (scheme.equals("http")) {
      if (isLoopback(uri.getHost())) {
        return uri;
      }
      throw new IllegalArgumentException(
          what
              + ": must use https; plain http is allowed only for the loopback hosts 127.0.0.1,"
              + " ::1 and localhost (e.g. a local emulator), got "
              + uri);
    }
    throw new IllegalArgumentException(what + ": must use https, got scheme '" + scheme + "'");
  }

  /**
   * @param host a URI host
   * @return whether it is one of the loopback hosts plain http is allowed for
   */
  public static boolean isLoopback(String host) {
    return LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
  }
}
