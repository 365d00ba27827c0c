package com.example.ci;

import dev.handoff.contract.pact.AcsPactVerification;

/** Verifies the ACS adapter's pact against the emulator named by handoff.emulator.url. */
class AcsPactTest extends AcsPactVerification {}
