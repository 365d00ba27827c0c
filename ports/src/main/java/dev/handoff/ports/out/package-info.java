/**
 * Outbound ports: a provider ({@link dev.handoff.ports.out.CallControl}), the operation store, and
 * the operation change bus. Time comes from an injected {@link java.time.Clock}.
 */
package dev.handoff.ports.out;
