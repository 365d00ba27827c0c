package dev.handoff.app.runtime;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Where the configured provider's callbacks reach this service: {@code /callbacks/acs} or {@code
 * /callbacks/graph} under {@code handoff.callback-base-url} (with the ACS query secret when that is
 * how ACS callbacks are authenticated), or the embedded emulator's view of this service.
 *
 * @param uri resolves the endpoint when it is needed (the embedded emulator learns this service's
 *     port only once it listens)
 */
public record CallbackEndpoint(Supplier<URI> uri) {

  /**
   * @return the endpoint now
   */
  public URI get() {
    return uri.get();
  }
}
