package dev.handoff.archfixture.clean.ports.out;

import dev.handoff.archfixture.clean.ports.Port;

/** An outbound port: uses what the ports share, never an inbound port. */
public interface ModelStore extends Port {}
