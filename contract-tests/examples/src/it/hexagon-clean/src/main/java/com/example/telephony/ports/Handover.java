package com.example.telephony.ports;

import com.example.telephony.domain.Caller;

/** Hands a caller on to an agent: the port the adapters implement. */
public interface Handover {
  /**
   * @param caller who is handed on
   * @param agent to whom
   */
  void handOver(Caller caller, String agent);
}
