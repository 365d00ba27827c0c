/**
 * The ports of Handoff's hexagon: inbound use cases ({@link dev.handoff.ports.in}), outbound
 * provider, store and change-feed ports ({@link dev.handoff.ports.out}), the application service
 * that implements the use cases on the outbound ports ({@link dev.handoff.ports.service}), and
 * in-memory outbound adapters used as the embedded default ({@link dev.handoff.ports.memory}).
 * Plain Java; depends on the domain only.
 */
package dev.handoff.ports;
