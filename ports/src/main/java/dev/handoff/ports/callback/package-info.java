/**
 * Callback deliveries bound to what they may change: per-operation and per-call callback URLs
 * carrying an HMAC token ({@link dev.handoff.ports.callback.CallbackBinding}), and the provider
 * decorator that hands a provider those URLs ({@link dev.handoff.ports.callback.BoundCallbacks}).
 */
package dev.handoff.ports.callback;
