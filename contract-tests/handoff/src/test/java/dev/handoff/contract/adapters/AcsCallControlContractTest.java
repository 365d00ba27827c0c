package dev.handoff.contract.adapters;

import dev.handoff.contract.port.CallControlContract;
import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.support.AcsEmulatorPlatform;

/**
 * The ACS adapter passes the port test suite against the emulator, from another package than the
 * suite, as a third party runs it.
 */
class AcsCallControlContractTest extends CallControlContract {
  @Override
  protected CallControlTestPlatform openPlatform() {
    return AcsEmulatorPlatform.start();
  }
}
