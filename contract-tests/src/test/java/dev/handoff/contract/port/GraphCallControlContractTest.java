package dev.handoff.contract.port;

import dev.handoff.contract.support.GraphEmulatorPlatform;

/** The Graph adapter passes the port test suite against the emulator. */
class GraphCallControlContractTest extends CallControlContract {
  @Override
  protected CallControlTestPlatform openPlatform() {
    return GraphEmulatorPlatform.start();
  }
}
