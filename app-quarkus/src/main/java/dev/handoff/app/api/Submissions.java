package dev.handoff.app.api;

import dev.handoff.app.api.json.JsonFieldPaths;
import dev.handoff.app.api.json.OperationJson;
import dev.handoff.domain.Shown;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.in.SubmitOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What every submitting endpoint shares: the idempotency key and the 202 answer. */
final class Submissions {
  /** The header that carries the client's idempotency key. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final String KEY_RULE =
      "must be 1 to " + IdempotencyKey.MAX_LENGTH + " visible ASCII characters";

  private Submissions() {}

  /**
   * A command with its submit options, read together so that a bad key and a bad body are refused
   * in one answer.
   *
   * @param command the command
   * @param options the submit options
   * @param request the JSON request type the command was read from, if it came with a body
   * @param <C> the command
   */
  record Prepared<C>(C command, SubmitOptions options, Optional<Class<? extends Record>> request) {}

  /**
   * @param request the HTTP request, for its headers
   * @param bodies the JSON reader
   * @param body the request body
   * @param type the JSON request type
   * @param toCommand builds the command from the request
   * @param <R> the JSON request
   * @param <C> the command
   * @return the command and its options
   * @throws ValidationException listing every broken rule of the key and the body
   */
  static <R extends Record, C> Prepared<C> prepare(
      HttpServerRequest request,
      JsonBodies bodies,
      String body,
      Class<R> type,
      Function<R, C> toCommand) {
    Prepared<C> read = prepare(request, () -> bodies.read(body, type, toCommand));
    return new Prepared<>(read.command(), read.options(), Optional.of(type));
  }

  /**
   * @param request the HTTP request, for its headers
   * @param command reads the command, throwing a {@link ValidationException} when invalid
   * @param <C> the command
   * @return the command and its options
   * @throws ValidationException listing every broken rule of the key and the body
   */
  static <C> Prepared<C> prepare(HttpServerRequest request, Supplier<C> command) {
    List<Violation> violations = new ArrayList<>();
    SubmitOptions options = null;
    C read = null;
    try {
      options = options(request.headers().getAll(IDEMPOTENCY_KEY));
    } catch (ValidationException invalid) {
      violations.addAll(invalid.violations());
    }
    try {
      read = command.get();
    } catch (ValidationException invalid) {
      violations.addAll(invalid.violations());
    }
    if (!violations.isEmpty()) {
      throw new ValidationException("request", violations);
    }
    return new Prepared<>(read, options, Optional.empty());
  }

  /**
   * @param values the Idempotency-Key header's values; none when it is absent
   * @return submit options carrying the key
   * @throws ValidationException when the key is empty, malformed or sent more than once
   */
  static SubmitOptions options(List<String> values) {
    if (values.isEmpty()) {
      return SubmitOptions.none();
    }
    if (values.size() > 1) {
      throw invalid("must be sent once, not " + values.size() + " times", null);
    }
    String key = values.get(0);
    if (key.isEmpty()) {
      throw invalid(KEY_RULE + "; it is empty (leave the header out to send without a key)", null);
    }
    if (key.length() > IdempotencyKey.MAX_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw invalid(KEY_RULE, Shown.value(asSent(key)));
    }
    return SubmitOptions.idempotent(IdempotencyKey.of(key));
  }

  private static ValidationException invalid(String rule, String shown) {
    return new ValidationException(
        "headers", List.of(new Violation(IDEMPOTENCY_KEY, rule, Optional.ofNullable(shown))));
  }

  /**
   * HTTP hands header bytes over as ISO-8859-1 characters; a client that sent UTF-8 meant the text
   * those bytes spell in UTF-8, which is what a refusal should show back.
   */
  static String asSent(String header) {
    if (!header.chars().allMatch(c -> c <= 0xff)) {
      return header;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return header;
    }
  }

  /**
   * Submits and answers 202 with the operation and its location; what the provider cannot carry is
   * refused naming the JSON request's fields.
   *
   * @param uri the request's URI info
   * @param prepared the command and its options
   * @param submit the use case
   * @param <C> the command
   * @return the response
   */
  static <C> Response accepted(
      UriInfo uri, Prepared<C> prepared, BiFunction<C, SubmitOptions, Operation> submit) {
    Operation operation;
    try {
      operation = submit.apply(prepared.command(), prepared.options());
    } catch (UnsupportedByProviderException unsupported) {
      throw prepared.request().map(type -> inJsonTerms(unsupported, type)).orElse(unsupported);
    }
    URI location = uri.getBaseUriBuilder().path("v1/operations/{id}").build(operation.id().value());
    return Response.accepted(OperationJson.of(operation)).location(location).build();
  }

  private static UnsupportedByProviderException inJsonTerms(
      UnsupportedByProviderException unsupported, Class<? extends Record> request) {
    JsonFieldPaths paths = JsonFieldPaths.of(request);
    return new UnsupportedByProviderException(
        unsupported.provider(),
        unsupported.violations().stream()
            .map(v -> new CapabilityViolation(paths.toJson(v.path()), v.problem()))
            .collect(Collectors.toList()));
  }
}
