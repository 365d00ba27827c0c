package dev.handoff.domain.action;

import dev.handoff.domain.Violations;
import java.net.URI;
import java.util.Optional;

/** Rules the action commands share. */
final class ActionRules {
  private ActionRules() {}

  static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static void common(Violations v, String callId, Optional<URI> callbackUri) {
    v.identifier("callId", callId);
    callbackUri.ifPresent(uri -> v.callbackUri("callbackUri", uri));
  }
}
