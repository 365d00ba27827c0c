package com.example.acme;

import dev.handoff.contract.port.CallControlContract;
import dev.handoff.contract.port.CallControlTestPlatform;

/** The Acme Voice adapter passes the Handoff port suite. */
class AcmeCallControlContractTest extends CallControlContract {
  @Override
  protected CallControlTestPlatform openPlatform() {
    return new AcmePlatform();
  }
}
