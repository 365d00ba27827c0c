package dev.handoff.emulator.journal;

import java.time.Instant;

/**
 * One attempt to deliver a callback.
 *
 * @param at when it was sent
 * @param status the receiver's HTTP status, or {@code null} when there was none
 * @param error the I/O error, or {@code null}
 */
public record DeliveryAttempt(Instant at, Integer status, String error) {}
