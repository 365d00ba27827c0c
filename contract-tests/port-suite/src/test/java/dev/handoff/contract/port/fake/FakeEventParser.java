package dev.handoff.contract.port.fake;

import dev.handoff.contract.port.Delivery;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.provider.ProviderId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake adapter's event parser: one {@link OperationUpdate} per delivery, or one {@link
 * CallActionUpdate} for a delivery about an action ({@code operation=action:<wire name>}).
 */
final class FakeEventParser {
  private static final String ACTION = "action:";

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final ProviderId provider;
  private final boolean neverPastAccepted;
  private long events;

  FakeEventParser(ProviderId provider, boolean neverPastAccepted) {
    this.provider = provider;
    this.neverPastAccepted = neverPastAccepted;
  }

  synchronized List<ProviderEvent> parse(Delivery delivery) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : delivery.body().split(";")) {
      int eq = pair.indexOf('=');
      fields.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    if (fields.get("operation").startsWith(ACTION)) {
      return List.of(
          new CallActionUpdate(
              new EventMeta(provider, "event-" + ++events, fields.get("operation"), EPOCH),
              fields.get("call"),
              CallAction.fromWireName(fields.get("operation").substring(ACTION.length())),
              Progress.valueOf(fields.get("progress")),
              Optional.of(fields.get("correlation")).filter(c -> !c.isEmpty()),
              Optional.empty(),
              Optional.empty(),
              ProviderEvidence.NONE));
    }
    OperationKind kind = kind(fields.get("operation"));
    Progress progress = Progress.valueOf(fields.get("progress"));
    if (neverPastAccepted && kind == OperationKind.TRANSFER && progress == Progress.COMPLETED) {
      progress = Progress.ACCEPTED;
    }
    Optional<Failure> failure =
        fields.get("reason").isEmpty()
            ? Optional.empty()
            : Optional.of(
                Failure.of(FailureReason.valueOf(fields.get("reason")), "the target did"));
    return List.of(
        new OperationUpdate(
            new EventMeta(provider, "event-" + ++events, fields.get("operation"), EPOCH),
            fields.get("call"),
            kind,
            progress,
            Optional.of(fields.get("correlation")).filter(c -> !c.isEmpty()),
            Optional.of(fields.get("invitation")).filter(i -> !i.isEmpty()),
            Optional.empty(),
            failure,
            ProviderEvidence.NONE));
  }

  private static OperationKind kind(String operation) {
    switch (operation) {
      case "TRANSFER":
        return OperationKind.TRANSFER;
      case "ADD":
        return OperationKind.ADD_PARTICIPANT;
      case "CANCEL":
        return OperationKind.CANCEL_ADD_PARTICIPANT;
      default:
        return OperationKind.REDIRECT;
    }
  }
}
