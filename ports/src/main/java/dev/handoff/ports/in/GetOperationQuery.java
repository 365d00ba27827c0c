package dev.handoff.ports.in;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import java.util.Optional;

/** Read one operation. */
public interface GetOperationQuery {
  /**
   * @param id the operation's id
   * @return the operation as it stands, if it exists
   */
  Optional<Operation> find(OperationId id);
}
