package dev.handoff.ports;

/** A registration for changes, ended with {@link #close()}. Closing twice does nothing. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  /** Stops delivery. */
  @Override
  void close();
}
