/**
 * Inbound: callback deliveries (CloudEvents 1.0) and Event Grid deliveries (EventGridEvent or
 * CloudEvents schema) parsed into Handoff provider events, and the Event Grid subscription
 * validation handshake. Works from any web framework: hand it the request body.
 */
package dev.handoff.adapter.acs.events;
