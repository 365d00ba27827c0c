package dev.handoff.contract.port.fake;

import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.domain.action.CallAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A call-control provider in memory, for the suite's own tests: it records every request as
 * received, executes it once per repeatability token, and delivers its events at once, as lines of
 * {@code name=value;...} to the call's callback (or the request's).
 */
final class FakeProvider {
  /** Thrown after a request executed when its answer is to be lost. */
  static final class LostAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostAnswer() {
      super("the connection broke after the request executed");
    }
  }

  /**
   * The provider's synchronous answer.
   *
   * @param status 202 accepted, 204 done, 404 unknown call
   * @param invitationId the invitation id of an accepted add, the new call's id of a placed call,
   *     or null
   */
  record Answer(int status, String invitationId) {}

  private record Received(FakeRequest request) {}

  private record Sent(String callId, Delivery delivery) {}

  /** An action as received, under the call it concerns (a placed call's own id). */
  private record Acted(String callId, FakeAction action) {}

  private final Map<String, String> callbacks = new HashMap<>();
  private final Map<String, List<String>> parties = new HashMap<>();
  private final List<Acted> acted = new ArrayList<>();
  private final Map<String, String> incoming = new HashMap<>();
  private final Map<String, TargetBehaviour> scripts = new HashMap<>();
  private final Map<String, String> ringing = new HashMap<>();
  private final Map<String, Answer> answered = new HashMap<>();
  private final Map<String, Integer> executions = new HashMap<>();
  private final Set<String> losing = new HashSet<>();
  private final List<Received> received = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private long requests;
  private int ids;

  synchronized String createCall(String callback) {
    return createCall(callback, List.of());
  }

  /**
   * @param callback where the call's events go
   * @param rawIds the remote parties, as its participant list gives them
   * @return the call's id
   */
  synchronized String createCall(String callback, List<String> rawIds) {
    String id = "call-" + ++ids;
    callbacks.put(id, callback);
    parties.put(id, new ArrayList<>(rawIds));
    return id;
  }

  /**
   * @param callId a call
   * @return its remote parties' raw ids, or null for an unknown call
   */
  synchronized List<String> participants(String callId) {
    requests++;
    List<String> listed = parties.get(callId);
    return listed == null ? null : List.copyOf(listed);
  }

  /**
   * Carries out a warm handoff's action: a placed call is created and its id answered; a prompt or
   * removal is accepted and its completion delivered at once; the rest are done at once.
   *
   * @param action the action
   * @return 204 done, 202 accepted (with the new call's id for a placed call), or 404
   */
  synchronized Answer handle(FakeAction action) {
    requests++;
    if (action.action() == CallAction.PLACE_CALL) {
      String id = createCall(action.callback(), List.of(action.party()));
      acted.add(new Acted(id, action));
      return new Answer(202, id);
    }
    acted.add(new Acted(action.callId(), action));
    String callback = callbacks.get(action.callId());
    if (callback == null) {
      return new Answer(404, null);
    }
    String to = action.callback() != null ? action.callback() : callback;
    String context = action.operationContext() == null ? "" : action.operationContext();
    switch (action.action()) {
      case PLAY:
      case REMOVE_PARTICIPANT:
        if (action.action() == CallAction.REMOVE_PARTICIPANT) {
          parties.get(action.callId()).remove(action.party());
        }
        deliver(
            to,
            action.callId(),
            "action:" + action.action().wireName(),
            "COMPLETED",
            context,
            null,
            null);
        return new Answer(202, null);
      default:
        return new Answer(204, null);
    }
  }

  synchronized List<FakeAction> received(String callId, CallAction action) {
    return acted.stream()
        .filter(a -> a.callId().equals(callId) && a.action().action() == action)
        .map(Acted::action)
        .collect(Collectors.toList());
  }

  /**
   * @return the incoming call's id and context
   */
  synchronized String[] createIncomingCall() {
    String id = "incoming-" + ++ids;
    String context = "context-" + ids;
    incoming.put(context, id);
    return new String[] {id, context};
  }

  synchronized void script(String rawId, TargetBehaviour behaviour) {
    scripts.put(rawId, behaviour);
  }

  synchronized void loseNextAnswer(String operation) {
    losing.add(operation);
  }

  synchronized void reset() {
    scripts.clear();
    losing.clear();
  }

  synchronized Answer handle(FakeRequest request) {
    requests++;
    received.add(new Received(request));
    Answer stored = answered.get(request.token());
    if (stored != null) {
      return stored;
    }
    Answer answer = execute(request);
    answered.put(request.token(), answer);
    if (losing.remove(request.operation())) {
      throw new LostAnswer();
    }
    return answer;
  }

  private Answer execute(FakeRequest request) {
    if (request.operation().equals("REDIRECT")) {
      if (!request.callId().equals(incoming.get(request.incomingContext()))) {
        return new Answer(404, null);
      }
      executions.merge(request.callId() + "/REDIRECT", 1, Integer::sum);
      return new Answer(204, null);
    }
    String callback = callbacks.get(request.callId());
    if (callback == null) {
      return new Answer(404, null);
    }
    executions.merge(request.callId() + "/" + request.operation(), 1, Integer::sum);
    String to = request.callback() != null ? request.callback() : callback;
    String context = request.operationContext() == null ? "" : request.operationContext();
    switch (request.operation()) {
      case "TRANSFER":
        {
          TargetBehaviour behaviour = behaviour(request);
          if (behaviour == TargetBehaviour.ANSWER) {
            deliver(to, request.callId(), "TRANSFER", "ACCEPTED", context, null, null);
            deliver(to, request.callId(), "TRANSFER", "COMPLETED", context, null, null);
          } else {
            deliver(to, request.callId(), "TRANSFER", "FAILED", context, reason(behaviour), null);
          }
          return new Answer(202, null);
        }
      case "ADD":
        {
          String invitation = "invitation-" + ++ids;
          TargetBehaviour behaviour = behaviour(request);
          if (behaviour == TargetBehaviour.ANSWER) {
            deliver(to, request.callId(), "ADD", "COMPLETED", context, null, invitation);
          } else if (behaviour == TargetBehaviour.NO_ANSWER) {
            ringing.put(invitation, to + "|" + context);
          } else {
            deliver(to, request.callId(), "ADD", "FAILED", context, reason(behaviour), invitation);
          }
          return new Answer(202, invitation);
        }
      default:
        {
          String add = ringing.remove(request.invitationId());
          if (add == null) {
            return new Answer(404, null);
          }
          String[] parts = add.split("\\|", -1);
          deliver(to, request.callId(), "CANCEL", "COMPLETED", context, null, null);
          deliver(
              parts[0],
              request.callId(),
              "ADD",
              "CANCELLED",
              parts[1],
              null,
              request.invitationId());
          return new Answer(202, null);
        }
    }
  }

  private TargetBehaviour behaviour(FakeRequest request) {
    return scripts.getOrDefault(request.targets().get(0).rawId(), TargetBehaviour.ANSWER);
  }

  private static String reason(TargetBehaviour behaviour) {
    switch (behaviour) {
      case DECLINE:
        return "DECLINED";
      case BUSY:
        return "BUSY";
      default:
        return "NO_ANSWER";
    }
  }

  private void deliver(
      String to,
      String callId,
      String operation,
      String progress,
      String context,
      String reason,
      String invitation) {
    String body =
        "call="
            + callId
            + ";operation="
            + operation
            + ";progress="
            + progress
            + ";correlation="
            + context
            + ";reason="
            + (reason == null ? "" : reason)
            + ";invitation="
            + (invitation == null ? "" : invitation);
    sent.add(new Sent(callId, new Delivery(Map.of("X-Delivered-To", to), body)));
  }

  synchronized List<Delivery> deliveries(String callId) {
    return sent.stream()
        .filter(s -> s.callId().equals(callId))
        .map(Sent::delivery)
        .collect(Collectors.toList());
  }

  synchronized List<FakeRequest> received(String callId, String operation) {
    return received.stream()
        .map(Received::request)
        .filter(r -> r.callId().equals(callId) && r.operation().equals(operation))
        .collect(Collectors.toList());
  }

  synchronized long requests() {
    return requests;
  }

  synchronized int executions(String callId, String operation) {
    return executions.getOrDefault(callId + "/" + operation, 0);
  }
}
