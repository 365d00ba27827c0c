package dev.handoff.contract.adapters;

import dev.handoff.contract.port.CallControlContract;
import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.support.GraphEmulatorPlatform;
import dev.handoff.emulator.control.GraphCallSpec.GroupTransferEnd;

/**
 * The Graph adapter passes the port test suite when a transfer out of a group call ends the other
 * way Graph may report it: the bot stays in the call, which becomes {@code established} again, and
 * the roster no longer holds the transferee.
 */
class GraphRosterShapeContractTest extends CallControlContract {
  @Override
  protected CallControlTestPlatform openPlatform() {
    return GraphEmulatorPlatform.start(GroupTransferEnd.ROSTER);
  }
}
