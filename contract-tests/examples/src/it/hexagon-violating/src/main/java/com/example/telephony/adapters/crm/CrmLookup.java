package com.example.telephony.adapters.crm;

import com.example.telephony.domain.Caller;

/** Finds the caller's account. */
public class CrmLookup {
  /**
   * @param caller the caller
   * @return the account
   */
  public String account(Caller caller) {
    return "account-of-" + caller.number();
  }
}
