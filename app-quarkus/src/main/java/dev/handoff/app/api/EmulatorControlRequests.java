package dev.handoff.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violations;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies the emulator's controls take ({@link EmulatorControlsResource}) and their checks: each
 * converts itself to what the emulator's control API takes, or throws one {@link
 * ValidationException} naming every broken rule by its JSON path.
 *
 * <p>Long because it reads every kind of emulator control request, each a short, field-by-field
 * validation.
 */
public final class EmulatorControlRequests {
  private EmulatorControlRequests() {}

  /** The provider operations a request fault can name. */
  static final Set<String> FAULTABLE_OPERATIONS =
      Set.of(
          "acs.transfer",
          "acs.addParticipant",
          "acs.cancelAddParticipant",
          "acs.redirect",
          "acs.getCall",
          "graph.transfer",
          "graph.invite",
          "graph.redirect",
          "graph.getCall",
          "graph.getOperation");

  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /**
   * What a target does when a transfer or invitation reaches it.
   *
   * @param kind accept, decline, busy, noAnswer, voicemail or fail
   * @param code for fail: the result code, e.g. 500
   * @param subCode for fail: the result subcode
   * @param message for fail: the result message
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "EmulatorOutcome")
  public record OutcomeRequest(
      @Schema(required = true) String kind, Integer code, Integer subCode, String message) {}

  /**
   * A script for one target.
   *
   * @param target the target: a phone number (+E.164), an ACS raw id, a user or app id
   * @param outcome what it does
   */
  @Schema(name = "EmulatorScript")
  public record ScriptRequest(
      @Schema(required = true) String target, @Schema(required = true) OutcomeRequest outcome) {
    Script toScript() {
      Violations v = Violations.of("ScriptRequest");
      String to = EmulatorControlRequests.target(v, "target", target);
      v.required("outcome", outcome);
      Outcome what = outcome == null ? null : EmulatorControlRequests.outcome(v, outcome);
      v.throwIfAny();
      return new Script(to, what);
    }
  }

  /** A validated script. */
  record Script(String target, Outcome outcome) {}

  /**
   * What a request fault does.
   *
   * @param type error, latency, drop or noResponse
   * @param status for error: the HTTP status, 400 to 599
   * @param retryAfterSeconds for error: the Retry-After value
   * @param millis for latency: the delay
   * @param afterExecution for drop and noResponse: whether the request is executed first
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "EmulatorFaultAction")
  public record ActionRequest(
      @Schema(required = true) String type,
      Integer status,
      Integer retryAfterSeconds,
      Long millis,
      Boolean afterExecution) {}

  /**
   * A fault on the provider requests of one operation.
   *
   * @param operation the provider operation, e.g. acs.transfer
   * @param action what happens to a matching request
   * @param times how many matching requests it applies to; absent or 0 for every one until removed
   */
  @Schema(name = "EmulatorFault")
  public record FaultRequest(
      @Schema(required = true) String operation,
      @Schema(required = true) ActionRequest action,
      Integer times) {
    FaultRule toRule() {
      Violations v = Violations.of("FaultRequest");
      if (v.required("operation", operation)) {
        v.check(
            FAULTABLE_OPERATIONS.contains(operation),
            "operation",
            "must be one of " + new TreeSet<>(FAULTABLE_OPERATIONS),
            operation);
      }
      v.required("action", action);
      FaultAction what = action == null ? null : EmulatorControlRequests.action(v, action);
      EmulatorControlRequests.times(v, times);
      v.throwIfAny();
      return new FaultRule(operation, null, null, what, times);
    }
  }

  /**
   * A fault on the callbacks the provider sends.
   *
   * @param event the event name, e.g. CallTransferAccepted; absent for any
   * @param callId the call; absent for any
   * @param kind lost, duplicated or reordered
   * @param times how many matching callbacks it applies to; absent or 0 for every one until removed
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "EmulatorCallbackFault")
  public record CallbackFaultRequest(
      String event, String callId, @Schema(required = true) String kind, Integer times) {
    CallbackFault toFault() {
      Violations v = Violations.of("CallbackFaultRequest");
      if (event != null) {
        v.text("event", event, 128);
      }
      if (callId != null) {
        v.identifier("callId", callId);
      }
      CallbackFault.Kind what = null;
      if (v.required("kind", kind)) {
        try {
          what = CallbackFault.Kind.parse(kind);
        } catch (IllegalArgumentException unknown) {
          v.add("kind", "must be one of [lost, duplicated, reordered]", kind);
        }
      }
      EmulatorControlRequests.times(v, times);
      v.throwIfAny();
      return new CallbackFault(event, callId, what, times);
    }
  }

  /**
   * An incoming call to announce.
   *
   * @param from the caller: a phone number (+E.164), or an ACS raw id (ACS) or a Graph identity
   *     such as {@code user:<id>} (Graph)
   * @param to who is called: a phone number (+E.164), or an ACS raw id (ACS); with Graph the bot's
   *     number, {@code application:<id>} or {@code applicationInstance:<id>}
   */
  @Schema(name = "EmulatorIncomingCall")
  public record IncomingCallRequest(
      @Schema(required = true) String from, @Schema(required = true) String to) {
    AcsIncomingCallSpec toSpec() {
      Violations v = Violations.of("IncomingCallRequest");
      String caller = rawId(v, "from", from);
      String callee = rawId(v, "to", to);
      v.throwIfAny();
      return AcsIncomingCallSpec.of(caller, callee);
    }

    /**
     * The call as the emulated Graph announces it. Graph reports a call to the bot's number as a
     * call to the bot (its resource account), so a phone number in {@code to} names the bot; an
     * {@code application:<id>} or {@code applicationInstance:<id>} names that target.
     *
     * @param callbackUri where the call's notifications go
     * @return the spec
     */
    GraphIncomingCallSpec toGraphSpec(String callbackUri) {
      Violations v = Violations.of("IncomingCallRequest");
      String caller = null;
      if (v.identifier("from", from)) {
        caller =
            from.startsWith("+")
                ? (v.check(
                        PHONE.matcher(from).matches(),
                        "from",
                        "must be a phone number in E.164 form (+ and 7 to 15 digits) or a Graph"
                            + " identity (user:<id>, ...)",
                        from)
                    ? "phone:" + from
                    : null)
                : from;
      }
      String target = null;
      if (v.identifier("to", to) && !to.startsWith("+")) {
        v.check(
            to.startsWith("application:") || to.startsWith("applicationInstance:"),
            "to",
            "must be the bot's number (+E.164), application:<id> or applicationInstance:<id>:"
                + " a Graph call is placed to the bot",
            to);
        target = to;
      } else if (to != null && to.startsWith("+")) {
        v.check(
            PHONE.matcher(to).matches(),
            "to",
            "must be a phone number in E.164 form (+ and 7 to 15 digits)",
            to);
      }
      v.throwIfAny();
      return new GraphIncomingCallSpec(callbackUri, caller, target);
    }
  }

  /** A JSON {@code null} body reads as no request at all. */
  static <T> T present(T request, String subject) {
    if (request == null) {
      throw new ValidationException(
          subject,
          List.of(
              new dev.handoff.domain.Violation(
                  "", "a JSON object is required", java.util.Optional.empty())));
    }
    return request;
  }

  private static String target(Violations v, String path, String value) {
    if (!v.identifier(path, value)) {
      return null;
    }
    return value;
  }

  /** A phone number becomes the ACS raw id of a phone; anything else is taken as a raw id. */
  private static String rawId(Violations v, String path, String value) {
    if (!v.identifier(path, value)) {
      return null;
    }
    if (value.startsWith("+")) {
      return v.check(
              PHONE.matcher(value).matches(),
              path,
              "must be a phone number in E.164 form (+ and 7 to 15 digits) or a raw id",
              value)
          ? "4:" + value
          : null;
    }
    return value;
  }

  private static Outcome outcome(Violations v, OutcomeRequest request) {
    if (!v.required("outcome.kind", request.kind())) {
      return null;
    }
    Outcome.Kind kind;
    try {
      kind = Outcome.Kind.parse(request.kind());
    } catch (IllegalArgumentException unknown) {
      v.add(
          "outcome.kind",
          "must be one of [accept, decline, busy, noAnswer, voicemail, fail]",
          request.kind());
      return null;
    }
    if (kind == Outcome.Kind.FAIL) {
      v.required("outcome.code", request.code());
      v.required("outcome.subCode", request.subCode());
      if (request.code() == null || request.subCode() == null) {
        return null;
      }
      return Outcome.fail(request.code(), request.subCode(), request.message());
    }
    onlyForFail(v, "outcome.code", request.code());
    onlyForFail(v, "outcome.subCode", request.subCode());
    onlyForFail(v, "outcome.message", request.message());
    return new Outcome(kind, null, null, null);
  }

  private static void onlyForFail(Violations v, String path, Object value) {
    v.check(value == null, path, "is only for the outcome 'fail'", null);
  }

  private static FaultAction action(Violations v, ActionRequest action) {
    if (!v.required("action.type", action.type())) {
      return null;
    }
    String type = action.type();
    List<String> allowed;
    FaultAction built;
    switch (type) {
      case "error":
        allowed = List.of("status", "retryAfterSeconds");
        if (v.required("action.status", action.status())) {
          v.check(
              action.status() >= 400 && action.status() <= 599,
              "action.status",
              "must be between 400 and 599",
              action.status());
        }
        if (action.retryAfterSeconds() != null) {
          v.check(
              action.retryAfterSeconds() >= 0 && action.retryAfterSeconds() <= 3600,
              "action.retryAfterSeconds",
              "must be between 0 and 3600",
              action.retryAfterSeconds());
        }
        built =
            action.status() == null || action.status() < 400 || action.status() > 599
                ? null
                : new FaultAction.Error(action.status(), action.retryAfterSeconds());
        break;
      case "latency":
        allowed = List.of("millis");
        if (v.required("action.millis", action.millis())) {
          v.check(
              action.millis() >= 0 && action.millis() <= 60_000,
              "action.millis",
              "must be between 0 and 60000",
              action.millis());
        }
        built =
            action.millis() == null || action.millis() < 0
                ? null
                : new FaultAction.Latency(action.millis());
        break;
      case "drop":
        allowed = List.of("afterExecution");
        built = new FaultAction.Drop(Boolean.TRUE.equals(action.afterExecution()));
        break;
      case "noResponse":
        allowed = List.of("afterExecution");
        built = new FaultAction.NoResponse(Boolean.TRUE.equals(action.afterExecution()));
        break;
      default:
        v.add("action.type", "must be one of [error, latency, drop, noResponse]", type);
        return null;
    }
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("status", action.status());
    given.put("retryAfterSeconds", action.retryAfterSeconds());
    given.put("millis", action.millis());
    given.put("afterExecution", action.afterExecution());
    given.forEach(
        (field, value) ->
            v.check(
                value == null || allowed.contains(field),
                "action." + field,
                "does not apply to a fault of type '" + type + "'",
                null));
    return built;
  }

  private static void times(Violations v, Integer times) {
    if (times != null) {
      v.check(times >= 0 && times <= 1000, "times", "must be between 0 and 1000", times);
    }
  }
}
