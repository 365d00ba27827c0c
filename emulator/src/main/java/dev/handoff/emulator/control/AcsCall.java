package dev.handoff.emulator.control;

/**
 * A created ACS call connection.
 *
 * @param callConnectionId the id used in the REST paths
 * @param serverCallId the server call id
 * @param correlationId the correlation (chain) id
 */
public record AcsCall(String callConnectionId, String serverCallId, String correlationId) {}
