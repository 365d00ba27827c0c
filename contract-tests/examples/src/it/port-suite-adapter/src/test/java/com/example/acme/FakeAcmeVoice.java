package com.example.acme;

import dev.handoff.contract.port.TargetBehaviour;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Acme Voice in memory, for the port suite: it keeps every request as received, executes each
 * idempotency key once, and "delivers" its webhooks at once into a list per call.
 */
final class FakeAcmeVoice implements AcmeVoiceApi {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private final Map<String, String> calls = new HashMap<>();
  private final Map<String, String> incoming = new HashMap<>();
  private final Map<String, TargetBehaviour> scripts = new HashMap<>();
  private final Map<String, String[]> ringing = new HashMap<>();
  private final Map<String, Answer> answered = new HashMap<>();
  private final Map<String, Integer> executions = new HashMap<>();
  private final Set<String> losing = new HashSet<>();
  private final List<AcmeRequest> received = new ArrayList<>();
  private final Map<String, List<String>> webhooks = new HashMap<>();
  private long requests;
  private int ids;

  synchronized String createCall(String webhook) {
    String id = "acme-call-" + ++ids;
    calls.put(id, webhook);
    return id;
  }

  /**
   * @return the incoming call's id and its context
   */
  synchronized String[] createIncomingCall() {
    String id = "acme-incoming-" + ++ids;
    incoming.put("ctx-" + id, id);
    return new String[] {id, "ctx-" + id};
  }

  synchronized void script(String number, TargetBehaviour behaviour) {
    scripts.put(number, behaviour);
  }

  synchronized void loseNextAnswer(String action) {
    losing.add(action);
  }

  synchronized void reset() {
    scripts.clear();
    losing.clear();
  }

  @Override
  public synchronized Answer send(AcmeRequest request) throws IOException {
    requests++;
    received.add(request);
    Answer answer = answered.get(request.idempotencyKey());
    if (answer == null) {
      answer = execute(request);
      answered.put(request.idempotencyKey(), answer);
      if (losing.remove(request.action())) {
        throw new IOException("connection reset after the request executed");
      }
    }
    return answer;
  }

  private Answer execute(AcmeRequest request) {
    if (request.action().equals("redirect")) {
      if (!request.callId().equals(incoming.remove(request.incomingContext()))) {
        return new Answer(404, null);
      }
      count(request);
      return new Answer(204, null);
    }
    String webhook = calls.get(request.callId());
    if (webhook == null) {
      return new Answer(404, null);
    }
    count(request);
    String to = request.webhook() != null ? request.webhook() : webhook;
    switch (request.action()) {
      case "transfer":
        deliver(request, to, "transfer", outcome(request), null);
        return new Answer(202, null);
      case "invite":
        String invitation = "acme-invitation-" + ++ids;
        if (behaviour(request) == TargetBehaviour.NO_ANSWER) {
          ringing.put(invitation, new String[] {to, request.reference()});
        } else {
          deliver(request, to, "invite", outcome(request), invitation);
        }
        return new Answer(202, invitation);
      default:
        String[] add = ringing.remove(request.invitationId());
        if (add == null) {
          return new Answer(404, null);
        }
        deliver(request, to, "cancel", "state=answered", null);
        webhooks
            .computeIfAbsent(request.callId(), c -> new ArrayList<>())
            .add(
                event(
                    request.callId(), "invite", "state=withdrawn", add[1], request.invitationId()));
        return new Answer(202, null);
    }
  }

  private void count(AcmeRequest request) {
    executions.merge(request.callId() + "/" + request.action(), 1, Integer::sum);
  }

  private TargetBehaviour behaviour(AcmeRequest request) {
    return scripts.getOrDefault(request.to().get(0), TargetBehaviour.ANSWER);
  }

  private String outcome(AcmeRequest request) {
    switch (behaviour(request)) {
      case DECLINE:
        return "state=failed&reason=declined";
      case BUSY:
        return "state=failed&reason=busy";
      case NO_ANSWER:
        return "state=failed&reason=no-answer";
      default:
        return "state=answered";
    }
  }

  private void deliver(
      AcmeRequest request, String to, String action, String state, String invitation) {
    webhooks
        .computeIfAbsent(request.callId(), c -> new ArrayList<>())
        .add(event(request.callId(), action, state, request.reference(), invitation));
  }

  private String event(
      String call, String action, String state, String reference, String invitation) {
    return "id=event-"
        + ++ids
        + "&at="
        + AT
        + "&call="
        + call
        + "&action="
        + action
        + "&"
        + state
        + "&reference="
        + reference
        + (invitation == null ? "" : "&invitation=" + invitation);
  }

  synchronized List<String> webhooks(String callId) {
    return List.copyOf(webhooks.getOrDefault(callId, List.of()));
  }

  synchronized List<AcmeRequest> received(String callId, String action) {
    return received.stream()
        .filter(r -> r.callId().equals(callId) && r.action().equals(action))
        .collect(Collectors.toList());
  }

  synchronized long requests() {
    return requests;
  }

  synchronized int executions(String callId, String action) {
    return executions.getOrDefault(callId + "/" + action, 0);
  }
}
