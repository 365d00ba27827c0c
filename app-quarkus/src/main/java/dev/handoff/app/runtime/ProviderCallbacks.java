package dev.handoff.app.runtime;

import dev.handoff.app.callbacks.AcsCallbacks;
import dev.handoff.app.callbacks.GraphCallbacks;
import java.util.Optional;

/**
 * The callback readers of the configured provider: ACS (also for the embedded emulator) or Graph.
 *
 * @param acs ACS deliveries, when the provider speaks ACS
 * @param graph Graph notifications, when the provider is Graph
 */
public record ProviderCallbacks(Optional<AcsCallbacks> acs, Optional<GraphCallbacks> graph) {}
