package com.example.telephony.ports;

import com.example.telephony.boot.Application;
import com.example.telephony.domain.Caller;

/** Violates: a port that knows the application. */
public interface Handover {
  /**
   * @param caller who is handed on
   * @param agent to whom
   */
  void handOver(Caller caller, String agent);

  /**
   * @return the application's name
   */
  default String application() {
    return Application.class.getSimpleName();
  }
}
