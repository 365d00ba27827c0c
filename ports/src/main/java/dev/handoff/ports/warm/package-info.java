/**
 * The warm handoff saga: one operation per handoff, whose steps (hold, reach, brief, connect, undo,
 * fallback) are provider actions recorded on its timeline, driven by the provider's events and the
 * operation's deadline, resumable from the store after a crash without sending any action twice.
 */
package dev.handoff.ports.warm;
