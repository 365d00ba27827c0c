package com.example.acme;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Acme Voice's webhooks: one event per delivery, {@code name=value} pairs joined by {@code
 * &}: {@code id}, {@code at}, {@code call}, {@code action}, {@code state} ({@code answered}, {@code
 * failed}, {@code withdrawn}), {@code reason}, {@code reference}, {@code invitation}.
 */
public final class AcmeEventParser {

  /**
   * @param body one webhook body
   * @return its events
   */
  public List<ProviderEvent> parse(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    String state = fields.get("state");
    Progress progress;
    Optional<Failure> failure = Optional.empty();
    switch (state) {
      case "answered":
        progress = Progress.COMPLETED;
        break;
      case "withdrawn":
        progress = Progress.CANCELLED;
        break;
      default:
        progress = Progress.FAILED;
        failure = Optional.of(Failure.of(reason(fields.get("reason")), "Acme Voice: " + state));
    }
    return List.of(
        new OperationUpdate(
            new EventMeta(
                AcmeCallControl.PROVIDER,
                fields.get("id"),
                fields.get("action") + "." + state,
                Instant.parse(fields.get("at"))),
            fields.get("call"),
            kind(fields.get("action")),
            progress,
            Optional.ofNullable(fields.get("reference")),
            Optional.ofNullable(fields.get("invitation")),
            Optional.empty(),
            failure,
            ProviderEvidence.NONE));
  }

  private static OperationKind kind(String action) {
    switch (action) {
      case "transfer":
        return OperationKind.TRANSFER;
      case "invite":
        return OperationKind.ADD_PARTICIPANT;
      case "cancel":
        return OperationKind.CANCEL_ADD_PARTICIPANT;
      default:
        return OperationKind.REDIRECT;
    }
  }

  private static FailureReason reason(String reason) {
    switch (reason == null ? "" : reason) {
      case "busy":
        return FailureReason.BUSY;
      case "declined":
        return FailureReason.DECLINED;
      case "no-answer":
        return FailureReason.NO_ANSWER;
      default:
        return FailureReason.PROVIDER_ERROR;
    }
  }
}
