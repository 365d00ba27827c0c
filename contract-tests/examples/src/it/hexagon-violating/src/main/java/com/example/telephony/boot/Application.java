package com.example.telephony.boot;

import com.example.telephony.adapters.crm.CrmLookup;
import com.example.telephony.adapters.sip.SipHandover;
import com.example.telephony.domain.Caller;

/** Wires the adapters to the ports. */
public final class Application {
  private Application() {}

  /**
   * @param args none
   */
  public static void main(String[] args) {
    Caller caller = new Caller("+12065550100");
    new SipHandover().handOver(caller, new CrmLookup().account(caller));
  }
}
