package dev.handoff.emulator.internal.acs;

import dev.handoff.emulator.internal.http.Response;

/**
 * An executed ACS operation's response and the correlation id of the call it concerned (the {@code
 * X-Microsoft-Skype-Chain-ID} header), or {@code null}.
 */
record AcsResult(Response response, String correlationId) {}
