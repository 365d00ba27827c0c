package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.OperationId;
import java.util.Optional;

/**
 * The payload of a change notification, {@code <operation id>:<version>}.
 *
 * @param id the operation that changed
 * @param version its version after the change
 */
record ChangeNotice(OperationId id, long version) {

  /**
   * @param payload a notification's payload
   * @return the notice, or empty when the payload is not of that form
   */
  static Optional<ChangeNotice> parse(String payload) {
    if (payload == null) {
      return Optional.empty();
    }
    int colon = payload.lastIndexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ChangeNotice(
              OperationId.of(payload.substring(0, colon)),
              Long.parseLong(payload.substring(colon + 1))));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
