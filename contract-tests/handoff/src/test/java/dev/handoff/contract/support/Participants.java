package dev.handoff.contract.support;

import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.control.Outcome;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh test parties, and the emulator's outcome for each scripted behaviour. */
final class Participants {
  private final AtomicInteger phones = new AtomicInteger(2000);

  /** A phone number no earlier test used, so that scripts never leak between tests. */
  PhoneNumber phone() {
    return PhoneNumber.of("+1425555" + phones.incrementAndGet());
  }

  static Outcome outcome(TargetBehaviour behaviour) {
    switch (behaviour) {
      case DECLINE:
        return Outcome.decline();
      case BUSY:
        return Outcome.busy();
      case NO_ANSWER:
        return Outcome.noAnswer();
      default:
        return Outcome.accept();
    }
  }
}
