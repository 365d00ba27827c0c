package dev.handoff.archfixture.clean.ports.in;

import dev.handoff.archfixture.clean.ports.Port;

/** An inbound port: uses what the ports share, never an outbound port. */
public interface LoadModel extends Port {}
