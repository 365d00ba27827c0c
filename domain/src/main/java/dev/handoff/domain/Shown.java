package dev.handoff.domain;

import java.net.URI;

/**
 * How offending values appear in error messages: quoted, long ones shortened (the message says so
 * and how long the value was), secrets never shown.
 */
public final class Shown {
  private static final int MAX = 64;

  private Shown() {}

  /**
   * @param value any value, possibly null
   * @return the value quoted, shortened when longer than 64 characters
   */
  public static String value(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    if (text.length() <= MAX) {
      return '"' + text + '"';
    }
    return '"' + text.substring(0, MAX) + "\"… (" + text.length() + " characters)";
  }

  /**
   * @param value a secret
   * @return a mask that tells only the length
   */
  public static String secret(String value) {
    return value == null ? "null" : "*** (" + value.length() + " characters)";
  }

  /**
   * Shows a URI without what may carry a secret: user info, query (a callback's pre-shared secret
   * usually travels there) and fragment.
   *
   * @param uri a URI
   * @return the URI with user info, query and fragment masked
   */
  public static String uri(URI uri) {
    if (uri == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append(':');
    }
    if (uri.getRawAuthority() != null) {
      out.append("//");
      if (uri.getRawUserInfo() != null) {
        out.append("***@");
      }
      out.append(uri.getHost() == null ? "" : uri.getHost());
      if (uri.getPort() >= 0) {
        out.append(':').append(uri.getPort());
      }
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    } else if (uri.getRawSchemeSpecificPart() != null && uri.getRawAuthority() == null) {
      out.append(uri.getRawSchemeSpecificPart().replaceAll("\\?.*", ""));
    }
    if (uri.getRawQuery() != null) {
      out.append("?***");
    }
    if (uri.getRawFragment() != null) {
      out.append("#***");
    }
    return value(out.toString());
  }
}
