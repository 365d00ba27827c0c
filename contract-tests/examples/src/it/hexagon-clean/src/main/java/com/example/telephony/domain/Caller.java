package com.example.telephony.domain;

/**
 * A caller waiting to be handed on.
 *
 * @param number the caller's number
 */
public record Caller(String number) {}
