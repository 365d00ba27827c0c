/**
 * Talking to Microsoft Graph and to the Microsoft Entra token endpoint over {@link
 * java.net.http.HttpClient}: access tokens (OAuth 2.0 client credentials with caching, refresh
 * before expiry and single-flight acquisition, or any {@link
 * dev.handoff.adapter.graph.http.AccessTokenSupplier}), and the transport that applies the
 * no-ambiguous-retry policy.
 *
 * <p>{@link dev.handoff.adapter.graph.http.AccessTokenSupplier}, {@link
 * dev.handoff.adapter.graph.http.ClientCredentialsTokenProvider}, {@link
 * dev.handoff.adapter.graph.http.TokenAcquisitionException}, {@link
 * dev.handoff.adapter.graph.http.GraphOptions} and {@link dev.handoff.adapter.graph.http.Sleeper}
 * are for library users; the rest is the adapter's internals.
 */
package dev.handoff.adapter.graph.http;
