/**
 * Graph's {@code commsNotifications} callbacks to domain {@link
 * dev.handoff.domain.event.ProviderEvent}s: {@link
 * dev.handoff.adapter.graph.notifications.GraphNotificationParser} is the entry point, usable from
 * any web framework (it takes the request body).
 */
package dev.handoff.adapter.graph.notifications;
