package dev.handoff.ports.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for every URL an adapter talks to or hands to a provider: absolute, with a host, without
 * user info, over {@code https}; plain {@code http} only to a loopback host ({@code localhost},
 * {@code 127.0.0.0/8}, {@code ::1}), where a local emulator runs, so that credentials and callback
 * tokens never cross a network in clear.
 */
public final class EndpointRules {
  /** The rule in words, for error messages. */
  public static final String RULE =
      "must use https; plain http is allowed only for a loopback host (localhost, 127.0.0.0/8, ::1)";

  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private EndpointRules() {}

  /**
   * @param uri a URL, possibly null
   * @return why it breaks the rule, in words naming no Java type; empty when it keeps it
   */
  public static Optional<String> problem(URI uri) {
    if (uri == null) {
      return Optional.of("is required");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return Optional.of("must be an absolute URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry user info");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
      return Optional.empty();
    }
    return Optional.of(RULE);
  }

  /**
   * @param host a host as {@link URI#getHost()} gives it, IPv6 literals in brackets or not
   * @return whether it names the loopback interface, decided without asking DNS
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }
}
