/**
 * Why an operation failed, in provider-neutral terms, with the provider's own evidence kept beside
 * the reason so that nothing the provider said is lost.
 */
package dev.handoff.domain.failure;
