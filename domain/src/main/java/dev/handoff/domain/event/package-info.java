/**
 * What providers report, already normalised by an adapter: progress of an operation, call lifecycle
 * changes, incoming calls, and events the adapter did not recognise (reported, never dropped).
 */
package dev.handoff.domain.event;
