/** Metrics, tracing and health of the service and its provider. */
package dev.handoff.app.observability;
