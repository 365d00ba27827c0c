package dev.handoff.contract.port;

import dev.handoff.contract.support.AcsEmulatorPlatform;

/** The ACS adapter passes the port test suite against the emulator. */
class AcsCallControlContractTest extends CallControlContract {
  @Override
  protected CallControlTestPlatform openPlatform() {
    return AcsEmulatorPlatform.start();
  }
}
