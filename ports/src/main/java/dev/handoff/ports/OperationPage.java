package dev.handoff.ports;

import dev.handoff.domain.operation.Operation;
import java.util.List;
import java.util.Optional;

/**
 * One page of operations.
 *
 * @param operations the operations, newest first
 * @param nextCursor where the next page starts; absent on the last page
 */
public record OperationPage(List<Operation> operations, Optional<String> nextCursor) {
  /** Copies the list. */
  public OperationPage {
    operations = List.copyOf(operations);
    nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
  }
}
