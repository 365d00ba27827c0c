package com.example.telephony.adapters.sip;

import com.example.telephony.adapters.crm.CrmLookup;
import com.example.telephony.domain.Caller;
import com.example.telephony.ports.Handover;

/** Violates: an adapter that uses another adapter (the CRM) instead of going through a port. */
public class SipHandover implements Handover {
  private final CrmLookup crm = new CrmLookup();

  @Override
  public void handOver(Caller caller, String agent) {
    System.out.println("REFER " + caller.number() + " to " + agent + " for " + crm.account(caller));
  }
}
