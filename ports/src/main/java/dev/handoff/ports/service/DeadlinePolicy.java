package dev.handoff.ports.service;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.WarmHandoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a provider has to give an operation its final word before the operation becomes UNKNOWN.
 *
 * @param transfer time for a transfer
 * @param addParticipantGrace time for an add beyond its invitation timeout
 * @param defaultInvitation the invitation timeout assumed when an add names none
 * @param cancel time for a cancellation
 * @param redirectGrace time for a redirect beyond its ring timeout
 * @param defaultRing the ring timeout assumed when a redirect names none
 */
public record DeadlinePolicy(
    Duration transfer,
    Duration addParticipantGrace,
    Duration defaultInvitation,
    Duration cancel,
    Duration redirectGrace,
    Duration defaultRing) {

  /** Validates the durations. */
  public DeadlinePolicy {
    for (Duration d :
        new Duration[] {
          transfer, addParticipantGrace, defaultInvitation, cancel, redirectGrace, defaultRing
        }) {
      Objects.requireNonNull(d, "durations are required");
      if (d.isNegative()) {
        throw new IllegalArgumentException("durations must not be negative: " + d);
      }
    }
  }

  /**
   * @return two minutes for a transfer; an add's invitation timeout (default 60 s) plus one minute;
   *     one minute for a cancel; a redirect's ring timeout (default 60 s) plus one minute
   */
  public static DeadlinePolicy defaults() {
    return new DeadlinePolicy(
        Duration.ofMinutes(2),
        Duration.ofMinutes(1),
        Duration.ofSeconds(60),
        Duration.ofMinutes(1),
        Duration.ofMinutes(1),
        Duration.ofSeconds(60));
  }

  /**
   * @param command a command
   * @return how long its operation may wait for a final word
   */
  public Duration timeToOutcome(CallCommand command) {
    return command.accept(
        new CallCommand.Visitor<>() {
          @Override
          public Duration transfer(CallTransfer transfer) {
            return DeadlinePolicy.this.transfer;
          }

          @Override
          public Duration addParticipant(AddParticipant add) {
            return add.invitationTimeout().orElse(defaultInvitation).plus(addParticipantGrace);
          }

          @Override
          public Duration cancelAddParticipant(CancelAddParticipant cancelAdd) {
            return cancel;
          }

          @Override
          public Duration redirect(RedirectCall redirect) {
            return redirect.ringTimeout().orElse(defaultRing).plus(redirectGrace);
          }

          @Override
          public Duration warmHandoff(WarmHandoff handoff) {
            // The handoff's saga moves the deadline step by step; this first bound covers every
            // target ringing in turn.
            Duration ringing = Duration.ZERO;
            for (HandoffTarget target : handoff.targets()) {
              ringing = ringing.plus(target.ringTimeout());
            }
            return ringing.plus(DeadlinePolicy.this.transfer);
          }
        });
  }
}
