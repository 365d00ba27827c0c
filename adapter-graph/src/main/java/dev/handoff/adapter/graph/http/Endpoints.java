package dev.handoff.adapter.graph.http;

import java.net.URI;
import java.util.Locale;

/**
 * The rule for every URL the adapter talks to or hands to Graph: absolute, {@code https}, with a
 * host and without user info or fragment. Plain {@code http} is allowed only for loopback hosts
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), which is where an emulator runs.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * @param uri a URI
   * @return null when it satisfies the rule, else why not
   */
  public static String problem(URI uri) {
    if (uri == null) {
      return "is required";
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return "must be an absolute URL with a host";
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return "must not carry user info or a fragment";
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if ("https".equals(scheme)) {
      return null;
    }
    if ("http".equals(scheme)) {
      return isLoopback(uri.getHost())
          ? null
          : "must use https (plain http only for loopback hosts)";
    }
    return "must use https";
  }

  /**
   * @param uri a URI
   * @param what the setting's name, for the message
   * @return the URI
   * @throws IllegalArgumentException naming the setting and the rule when it breaks the rule
   */
  public static URI require(URI uri, String what) {
    String problem = problem(uri);
    if (problem != null) {
      throw new IllegalArgumentException(what + " " + problem + ": " + uri);
    }
    return uri;
  }

  /**
   * @param host a host as {@link URI#getHost()} returns it
   * @return whether it names the loopback interface, without asking DNS
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return "localhost".equals(h)
        || "::1".equals(h)
        || "0:0:0:0:0:0:0:1".equals(h)
        || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  }
}
