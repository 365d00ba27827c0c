package com.example.telephony.adapters.sip;

import com.example.telephony.domain.Caller;
import com.example.telephony.ports.Handover;

/** Hands over with a SIP REFER. */
public class SipHandover implements Handover {
  @Override
  public void handOver(Caller caller, String agent) {
    System.out.println("REFER " + caller.number() + " to " + agent);
  }
}
