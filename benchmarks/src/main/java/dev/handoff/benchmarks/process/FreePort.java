package dev.handoff.benchmarks.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nothing listens on at the moment of asking. */
public final class FreePort {
  private FreePort() {}

  /**
   * @return a port the system just handed out and released; a child told to bind it gets it unless
   *     something else takes it first, which the caller notices when the child fails to start
   */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
