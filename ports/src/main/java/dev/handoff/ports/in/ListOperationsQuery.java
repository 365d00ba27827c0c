package dev.handoff.ports.in;

/** List operations, newest first, one page at a time. */
public interface ListOperationsQuery {
  /**
   * @param query which operations
   * @return one page
   * @throws IllegalArgumentException when the cursor is not one this service issued
   */
  OperationPage list(OperationQuery query);
}
