/**
 * The security rules every adapter applies the same way, stated once: which URLs may be spoken to
 * in plain HTTP ({@link dev.handoff.ports.security.EndpointRules}) and how long a provider's
 * callback signing keys are trusted ({@link dev.handoff.ports.security.SigningKeyRules}).
 */
package dev.handoff.ports.security;
