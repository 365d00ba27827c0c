package com.example.ci;

import dev.handoff.contract.pact.GraphPactVerification;

/** Verifies the Graph adapter's pact against the emulator named by handoff.emulator.url. */
class GraphPactTest extends GraphPactVerification {}
