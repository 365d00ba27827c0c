/**
 * Who a call can be handed to or from: a sealed hierarchy of the addresses the providers know
 * (Azure Communication Services users, E.164 phone numbers, Teams users, Teams apps and resource
 * accounts, Teams-extension users) plus a raw-id escape hatch. Each participant knows its canonical
 * raw id, the string form Azure Communication Services uses on the wire.
 */
package dev.handoff.domain.participant;
