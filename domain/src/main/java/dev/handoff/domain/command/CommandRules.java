package dev.handoff.domain.command;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.util.Optional;

/** Rules several commands share. */
final class CommandRules {
  private CommandRules() {}

  static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static void common(
      Violations v, String callId, Optional<String> operationContext, Optional<URI> callbackUri) {
    v.identifier("callId", callId);
    // Its length is each provider's limit (ProviderLimits), not the model's.
    v.optionalText("operationContext", operationContext, Integer.MAX_VALUE);
    callbackUri.ifPresent(uri -> v.callbackUri("callbackUri", uri));
  }

  static void callable(Violations v, String path, Participant participant) {
    if (v.required(path, participant) && participant instanceof PhoneNumber phone) {
      v.check(
          !phone.anonymous(),
          path,
          "cannot be called: it is a withheld (anonymous) number",
          participant.rawId());
    }
  }

  static void callerId(Violations v, String path, Optional<PhoneNumber> callerId) {
    callerId.ifPresent(
        number ->
            v.check(
                !number.anonymous(),
                path,
                "must be a real number, not the anonymous caller",
                number.rawId()));
  }
}
