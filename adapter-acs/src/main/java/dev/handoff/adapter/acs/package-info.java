/**
 * Handoff's adapter for Azure Communication Services Call Automation.
 *
 * <p>Three entry points, usable from any framework:
 *
 * <ul>
 *   <li>{@link dev.handoff.adapter.acs.AcsCallControl}: the {@link
 *       dev.handoff.ports.out.CallControl} port, built from a connection string or an endpoint and
 *       a Microsoft Entra token supplier, with {@link dev.handoff.adapter.acs.AcsOptions}.
 *   <li>{@link dev.handoff.adapter.acs.events.AcsEventParser}: callback and Event Grid deliveries
 *       to Handoff provider events.
 *   <li>{@link dev.handoff.adapter.acs.auth.JwtCallbackVerifier} and {@link
 *       dev.handoff.adapter.acs.auth.QuerySecretVerifier}: is a callback really from ACS.
 * </ul>
 */
package dev.handoff.adapter.acs;
