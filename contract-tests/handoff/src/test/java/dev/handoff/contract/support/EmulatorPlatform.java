package dev.handoff.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.ReceivedCommand;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.ReceivedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the port suite's platforms on the emulator share: the emulator and the webhook sink that
 * receives its callbacks, and the journal-backed answers about deliveries, requests, executions and
 * what the provider received. A subclass names the emulator's operations for each kind, reads its
 * provider's request bodies back into the model's terms (independently of the adapter's own
 * mapping, so that the two check each other) and brings its adapter and parser.
 */
abstract class EmulatorPlatform implements CallControlTestPlatform {
  private static final ObjectMapper JSON = new ObjectMapper();

  protected final HandoffEmulator emulator;
  protected final WebhookSink sink;
  private final String callbackPath;

  /**
   * @param emulator the running emulator
   * @param sink where its callbacks are delivered
   * @param callbackPath the sink path of this provider's callbacks, e.g. {@code /acs}
   */
  protected EmulatorPlatform(HandoffEmulator emulator, WebhookSink sink, String callbackPath) {
    this.emulator = emulator;
    this.sink = sink;
    this.callbackPath = callbackPath;
  }

  /**
   * @param kind an operation kind
   * @return the emulator's name of that operation, e.g. {@code acs.transfer}
   */
  protected abstract String operation(OperationKind kind);

  /**
   * @param request a request the emulator journaled for an operation of the kind asked about
   * @param callId the call asked about
   * @return whether the request concerns that call; by default, whether its path names it
   */
  protected boolean concerns(ReceivedRequest request, String callId) {
    return request.path().contains(callId);
  }

  /**
   * @param body the JSON body of one journaled request
   * @return what it carried, in the model's terms
   */
  protected abstract ReceivedCommand translate(JsonNode body);

  /**
   * @param action one of a warm handoff's actions
   * @return the emulator's name of the request that carries it, e.g. {@code acs.hold}; null when
   *     the provider has none
   */
  protected abstract String operation(CallAction action);

  /**
   * @param request a request the emulator journaled for an action of the kind asked about
   * @param action the action
   * @param callId the call asked about (for a placed call, the new call's id)
   * @return whether the request concerns that call; by default, whether its path names it
   */
  protected boolean concerns(ReceivedRequest request, CallAction action, String callId) {
    return concerns(request, callId);
  }

  /**
   * @param request one journaled request of an action
   * @param action the action
   * @param body its JSON body ({@code {}} for none)
   * @return what it carried, in the model's terms; by default read from the body as a command's
   */
  protected ReceivedCommand translate(ReceivedRequest request, CallAction action, JsonNode body) {
    return translate(body);
  }

  /** Reads what the provider received of a warm handoff's action from the emulator's journal. */
  @Override
  public List<ReceivedCommand> received(String callId, CallAction action) {
    String operation = operation(action);
    if (operation == null) {
      return List.of();
    }
    return emulator.journal().requests().stream()
        .filter(request -> operation.equals(request.operation()))
        .filter(request -> concerns(request, action, callId))
        .map(request -> translate(request, action, body(request)))
        .collect(Collectors.toList());
  }

  @Override
  public List<ReceivedCommand> received(String callId, OperationKind kind) {
    String operation = operation(kind);
    return emulator.journal().requests().stream()
        .filter(request -> operation.equals(request.operation()))
        .filter(request -> concerns(request, callId))
        .map(request -> translate(body(request)))
        .collect(Collectors.toList());
  }

  /**
   * @param request a journaled request
   * @return its JSON body, {@code {}} for none
   */
  protected static JsonNode body(ReceivedRequest request) {
    try {
      return JSON.readTree(
          request.body() == null || request.body().isEmpty() ? "{}" : request.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the emulator journaled a body that is not JSON", e);
    }
  }

  /**
   * @param node a text node, or a missing one
   * @return its text, or null
   */
  protected static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  @Override
  public URI callbackUri() {
    return sink.uri(callbackPath);
  }

  @Override
  public List<Delivery> deliveries(String callId) {
    return EmulatorJournal.deliveries(emulator, callId);
  }

  @Override
  public long requestCount() {
    return emulator.journal().requests().size();
  }

  @Override
  public int executions(String callId, OperationKind kind) {
    return EmulatorJournal.executions(emulator, operation(kind), callId);
  }

  @Override
  public void loseNextAnswer(OperationKind kind) {
    emulator.control().injectFault(FaultRule.once(operation(kind), new FaultAction.Drop(true)));
  }

  @Override
  public void reset() {
    emulator.control().reset();
  }

  @Override
  public void close() {
    sink.close();
    emulator.close();
  }
}
