package dev.handoff.adapter.graph.http;

import dev.handoff.ports.security.EndpointRules;
import java.net.URI;

/**
 * The rule for every URL the adapter talks to or hands to Graph: {@link EndpointRules}, shared by
 * every adapter (absolute, {@code https}, with a host, no user info; plain {@code http} only for a
 * loopback host, where an emulator runs), and no fragment.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * @param uri a URI
   * @return null when it satisfies the rule, else why not
   */
  public static String problem(URI uri) {
    if (uri != null && uri.getRawFragment() != null) {
      return "must not carry a fragment";
    }
    return EndpointRules.problem(uri).orElse(null);
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
    return EndpointRules.isLoopback(host);
  }
}
