package dev.handoff.adapter.graph;

import java.net.URI;
import java.util.Optional;

/**
 * Graph's {@code @odata.nextLink}: the next page of a collection. A link is followed only on the
 * host the calls are addressed under, since the request carries the application's access token.
 */
final class NextLinks {
  /** How many pages of one collection are read at most. */
  static final int MAX_PAGES = 20;

  private NextLinks() {}

  /**
   * @param calls the URL calls are addressed under
   * @param nextLink the link Graph gave, absolute or relative to {@code calls}
   * @return the page's URL, or empty when the link points at another host or is no URL at all
   */
  static Optional<URI> onHost(URI calls, String nextLink) {
    URI link;
    try {
      link = URI.create(nextLink);
    } catch (IllegalArgumentException notAUrl) {
      return Optional.empty();
    }
    URI resolved = link.isAbsolute() ? link : calls.resolve(link);
    return calls.getHost().equalsIgnoreCase(resolved.getHost())
        ? Optional.of(resolved)
        : Optional.empty();
  }
}
