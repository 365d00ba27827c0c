/** The HTTP API under {@code /v1}: resources, body reading and problem details. */
package dev.handoff.app.api;
