package dev.handoff.app.testing;

import java.util.Map;

/**
 * Graph against the emulator, with a bot that serves another tenant than the one the emulator's
 * notifications name.
 */
public class GraphForeignTenantProfile extends GraphProviderProfile {
  /** The only tenant the bot serves here. */
  public static final String SERVED = "0a0b0c0d-1111-4222-8333-944445555666";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "handoff.graph.allowed-tenants", SERVED, "handoff.callbacks.require-call-binding", "false");
  }
}
