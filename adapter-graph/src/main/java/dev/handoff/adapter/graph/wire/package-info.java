/**
 * Jackson data-transfer objects for the Microsoft Graph cloud-communications wire format: request
 * bodies (transfer, invite, redirect), the resources inside {@code commsNotifications}, Graph's
 * error body and the token endpoint's answers.
 *
 * <p>Request types carry only properties that both the v1.0 and the beta schema define, and are
 * serialised without null members ({@code @JsonInclude(NON_NULL)}). {@code @odata.type} is sent
 * only where the schema is polymorphic and the derived type matters: an identity set holding a
 * {@code phone} or an {@code applicationInstance} is a {@code
 * #microsoft.graph.communicationsIdentitySet}. Notification types ignore unknown members and accept
 * the spelling variants Graph is known to send.
 *
 * <p>These types are the adapter's internals; they are public only so that the adapter's packages
 * can share them.
 */
package dev.handoff.adapter.graph.wire;
