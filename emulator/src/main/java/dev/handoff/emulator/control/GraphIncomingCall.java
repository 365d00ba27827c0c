package dev.handoff.emulator.control;

/**
 * An announced incoming Graph call.
 *
 * @param callId the call id, e.g. for {@code POST /v1.0/communications/calls/{id}/redirect}
 */
public record GraphIncomingCall(String callId) {}
