/**
 * The library entry point: {@link dev.handoff.ports.client.HandoffClient} tracks provider
 * operations to their outcome without any framework. It submits commands through one {@link
 * dev.handoff.ports.out.CallControl}, reads callback deliveries through the adapter's {@link
 * dev.handoff.ports.client.CallbackReader}, and lets the caller wait for or follow an operation.
 */
package dev.handoff.ports.client;
