/**
 * Callback ingestion: the providers' deliveries are authenticated, parsed by the adapters and
 * recorded by the application service before they are acknowledged.
 */
package dev.handoff.app.callbacks;
