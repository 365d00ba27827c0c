package dev.handoff.emulator.control;

/**
 * An announced incoming ACS call.
 *
 * @param incomingCallContext the opaque context a redirect (or answer) must quote
 * @param serverCallId the server call id
 * @param correlationId the correlation id
 */
public record AcsIncomingCall(
    String incomingCallContext, String serverCallId, String correlationId) {}
