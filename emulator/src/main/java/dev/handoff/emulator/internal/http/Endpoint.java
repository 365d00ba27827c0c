package dev.handoff.emulator.internal.http;

import java.util.Optional;

/** A family of emulated operations that recognises its own requests. */
public interface Endpoint {

  /** The route for a request, if this endpoint serves it. */
  Optional<Route> route(Request request);
}
