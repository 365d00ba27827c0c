/**
 * The Handoff service: the only module that knows Quarkus. It exposes the provider-neutral model
 * over HTTP under {@code /v1}, ingests the providers' callbacks, and drives every operation to a
 * definite outcome through the application service of the ports module.
 */
package dev.handoff.app;
