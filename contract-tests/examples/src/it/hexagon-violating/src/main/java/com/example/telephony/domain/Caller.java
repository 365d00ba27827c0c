package com.example.telephony.domain;

import com.example.telephony.ports.Handover;

/**
 * Violates: the domain depends on a port.
 *
 * @param number the caller's number
 * @param handover how the caller is handed on
 */
public record Caller(String number, Handover handover) {
  /**
   * @param number the caller's number
   */
  public Caller(String number) {
    this(number, null);
  }
}
