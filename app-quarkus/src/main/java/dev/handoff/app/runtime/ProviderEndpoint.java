package dev.handoff.app.runtime;

import java.net.URI;

/**
 * Where the configured provider is reached, for health checks.
 *
 * @param provider the provider's name
 * @param uri its base URI (no credentials)
 */
public record ProviderEndpoint(String provider, URI uri) {}
