package dev.handoff.archfixture.clean.app;

import dev.handoff.archfixture.clean.ports.Port;
import jakarta.ws.rs.GET;

/** The application uses Jakarta REST and the ports. */
public class Resource {
  private final Port port;

  Resource(Port port) {
    this.port = port;
  }

  @GET
  public String get() {
    return port.load().toString();
  }
}
