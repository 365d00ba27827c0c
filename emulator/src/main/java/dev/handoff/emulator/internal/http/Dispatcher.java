package dev.handoff.emulator.internal.http;

/** Turns a received request into a reply. Implementations must be thread-safe. */
@FunctionalInterface
public interface Dispatcher {

  /** Handles one request. */
  Reply dispatch(Request request);
}
