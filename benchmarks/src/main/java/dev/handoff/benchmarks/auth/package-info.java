/** JMH benchmarks: the signed tokens on provider callbacks, signed and verified. */
package dev.handoff.benchmarks.auth;
