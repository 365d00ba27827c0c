/**
 * The Microsoft Graph cloud-communications adapter.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link dev.handoff.adapter.graph.GraphCallControl#builder()}: the {@link
 *       dev.handoff.ports.out.CallControl} port on Graph ({@code transfer}, {@code
 *       participants/invite}, {@code redirect}), authenticated with OAuth 2.0 client credentials or
 *       an injected token supplier;
 *   <li>{@link dev.handoff.adapter.graph.notifications.GraphNotificationParser}: Graph's {@code
 *       commsNotifications} callbacks to domain {@link dev.handoff.domain.event.ProviderEvent}s;
 *   <li>{@link dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator}: verifies the bearer
 *       JWT on those callbacks.
 * </ul>
 *
 * <p>None of them depends on a web framework or on the Graph SDK.
 */
package dev.handoff.adapter.graph;
