package dev.handoff.ports.in;

import dev.handoff.ports.InvalidCursorException;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;

/** List operations, newest first, one page at a time. */
public interface ListOperationsQuery {
  /**
   * @param query which operations
   * @return one page
   * @throws InvalidCursorException when the cursor is not one this service issued
   */
  OperationPage list(OperationQuery query);
}
