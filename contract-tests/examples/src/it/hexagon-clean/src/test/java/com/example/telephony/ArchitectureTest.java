package com.example.telephony;

import dev.handoff.contract.architecture.HexagonRules;
import org.junit.jupiter.api.Test;

/** The hexagon holds: every rule, every violation reported at once. */
class ArchitectureTest {

  @Test
  void theHexagonHolds() {
    HexagonRules.builder("com.example.telephony")
        .adapters("adapters")
        .application("boot")
        .standalone() // no part that must stand alone, such as Handoff's emulator
        .build()
        .check();
  }
}
