/**
 * Authenticity of Graph's notification callbacks: every callback carries {@code Authorization:
 * Bearer <JWT>}, an RS256 token signed with keys published through an OpenID configuration
 * document. {@link dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator} verifies it;
 * usable from any web framework (it takes the header's value).
 */
package dev.handoff.adapter.graph.auth;
