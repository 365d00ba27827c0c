package dev.handoff.app.api;

import dev.handoff.app.api.json.OperationJson;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violations;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.ports.in.SubmitOptions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;

/** What every submitting endpoint shares: the idempotency key and the 202 answer. */
final class Submissions {
  /** The header that carries the client's idempotency key. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private Submissions() {}

  /**
   * @param header the Idempotency-Key header, possibly absent
   * @return submit options carrying it
   * @throws ValidationException when the key is malformed
   */
  static SubmitOptions options(String header) {
    if (header == null) {
      return SubmitOptions.none();
    }
    Violations v = Violations.of("headers");
    IdempotencyKey key = v.nested(IDEMPOTENCY_KEY, () -> IdempotencyKey.of(header));
    v.throwIfAny();
    return SubmitOptions.idempotent(key);
  }

  /**
   * Submits and answers 202 with the operation and its location.
   *
   * @param uri the request's URI info
   * @param options idempotency
   * @param submit the use case
   * @return the response
   */
  static Response accepted(
      UriInfo uri, SubmitOptions options, Function<SubmitOptions, Operation> submit) {
    Operation operation = submit.apply(options);
    URI location = uri.getBaseUriBuilder().path("v1/operations/{id}").build(operation.id().value());
    return Response.accepted(OperationJson.of(operation)).location(location).build();
  }
}
