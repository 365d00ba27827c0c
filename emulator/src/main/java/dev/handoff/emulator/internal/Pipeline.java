package dev.handoff.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.internal.http.Dispatcher;
import dev.handoff.emulator.internal.http.Endpoint;
import dev.handoff.emulator.internal.http.Reply;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.http.Route;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.FaultEngine;
import dev.handoff.emulator.internal.state.JournalStore;
import dev.handoff.emulator.journal.ReceivedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every provider request passes here: it is routed to its operation, subjected to the injected
 * faults, executed, and journaled. Control-API requests go straight to the control handler.
 */
public final class Pipeline implements Dispatcher {

  /** Internal headers a handler may set to annotate the journal; never sent. */
  static final String NOTE_HEADER_PREFIX = "X-Emulator-";

  private final List<Endpoint> endpoints;
  private final Function<Request, Response> control;
  private final FaultEngine faults;
  private final JournalStore journal;
  private final Clock clock;
  private final Duration maxHold;

  /**
   * Creates the pipeline.
   *
   * @param maxHold the longest a request is held at a gate that is not opened
   */
  public Pipeline(
      List<Endpoint> endpoints,
      Function<Request, Response> control,
      FaultEngine faults,
      JournalStore journal,
      Clock clock,
      Duration maxHold) {
    this.endpoints = List.copyOf(endpoints);
    this.control = control;
    this.faults = faults;
    this.journal = journal;
    this.clock = clock;
    this.maxHold = maxHold;
  }

  @Override
  public Reply dispatch(Request request) {
    if (request.rawPath().equals("/_emulator") || request.rawPath().startsWith("/_emulator/")) {
      return new Reply.Send(control.apply(request));
    }
    long sequence = journal.nextRequestSequence();
    Instant receivedAt = clock.instant();
    Optional<Route> found = Optional.empty();
    for (Endpoint endpoint : endpoints) {
      found = endpoint.route(request);
      if (found.isPresent()) {
        break;
      }
    }
    if (found.isEmpty()) {
      ObjectNode body = Json.object();
      body.putObject("error")
          .put("code", "NotFound")
          .put(
              "message",
              "The emulator serves nothing at " + request.method() + " " + request.rawPath() + ".");
      Response response = Response.json(404, body);
      record(sequence, receivedAt, request, "unknown", response, null);
      return new Reply.Send(response);
    }
    Route route = found.get();
    Optional<FaultAction> fault = faults.take(route.operation(), request);
    List<String> notes = new ArrayList<>();
    if (fault.isPresent()) {
      FaultAction action = fault.get();
      notes.add("fault: " + describe(action));
      if (action instanceof FaultAction.Latency latency) {
        sleep(latency.millis());
      } else if (action instanceof FaultAction.Held held) {
        if (!awaitGate(held.gate())) {
          notes.add("gate " + held.gate() + " not opened within " + maxHold);
        }
      } else if (action instanceof FaultAction.Error error) {
        Response response = route.faultResponse().apply(error);
        record(sequence, receivedAt, request, route.operation(), response, notes);
        return new Reply.Send(response);
      } else if (action instanceof FaultAction.Drop drop && !drop.afterExecution()) {
        record(sequence, receivedAt, request, route.operation(), null, notes);
        return new Reply.Drop();
      } else if (action instanceof FaultAction.NoResponse hold && !hold.afterExecution()) {
        record(sequence, receivedAt, request, route.operation(), null, notes);
        return new Reply.Hold();
      }
    }
    Response response = withoutNotes(route.handler().apply(request), notes);
    if (fault.isPresent() && fault.get() instanceof FaultAction.Drop) {
      notes.add("executed, response not sent: " + response.status());
      record(sequence, receivedAt, request, route.operation(), null, notes);
      return new Reply.Drop();
    }
    if (fault.isPresent() && fault.get() instanceof FaultAction.NoResponse) {
      notes.add("executed, response not sent: " + response.status());
      record(sequence, receivedAt, request, route.operation(), null, notes);
      return new Reply.Hold();
    }
    record(sequence, receivedAt, request, route.operation(), response, notes);
    return new Reply.Send(response);
  }

  private static Response withoutNotes(Response response, List<String> notes) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .headers()
        .forEach(
            (name, values) -> {
              if (name.regionMatches(true, 0, NOTE_HEADER_PREFIX, 0, NOTE_HEADER_PREFIX.length())) {
                notes.add(
                    name.substring(NOTE_HEADER_PREFIX.length()).toLowerCase(java.util.Locale.ROOT)
                        + ": "
                        + String.join(",", values));
              } else {
                headers.put(name, values);
              }
            });
    return new Response(response.status(), headers, response.body());
  }

  private void record(
      long sequence,
      Instant receivedAt,
      Request request,
      String operation,
      Response response,
      List<String> notes) {
    journal.record(
        new ReceivedRequest(
            sequence,
            receivedAt,
            request.scheme(),
            request.method(),
            request.rawPath(),
            request.rawQuery(),
            request.headers(),
            request.bodyText(),
            operation,
            response == null ? null : response.status(),
            response == null ? "" : response.bodyText(),
            notes == null || notes.isEmpty() ? null : String.join("; ", notes)));
  }

  private static String describe(FaultAction action) {
    if (action instanceof FaultAction.Error error) {
      return "error "
          + error.status()
          + (error.retryAfterSeconds() == null ? "" : " retry-after " + error.retryAfterSeconds());
    }
    if (action instanceof FaultAction.Latency latency) {
      return "latency " + latency.millis() + "ms";
    }
    if (action instanceof FaultAction.Drop drop) {
      return "drop" + (drop.afterExecution() ? " after execution" : "");
    }
    if (action instanceof FaultAction.Held held) {
      return "held at gate " + held.gate();
    }
    FaultAction.NoResponse hold = (FaultAction.NoResponse) action;
    return "no response" + (hold.afterExecution() ? " after execution" : "");
  }

  private boolean awaitGate(String gate) {
    try {
      return faults.awaitGate(gate, maxHold);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
