/**
 * In-memory outbound adapters: the operation store and change bus Handoff uses when nothing else is
 * configured. Thread-safe, bounded, lost on restart.
 */
package dev.handoff.ports.memory;
