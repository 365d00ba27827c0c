package dev.handoff.contract.support;

import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.Delivery;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import java.net.URI;
import java.util.List;

/**
 * What the port suite's platforms on the emulator share: the emulator and the webhook sink that
 * receives its callbacks, and the journal-backed answers about deliveries, requests and executions.
 * A subclass names the emulator's operations for each kind and brings its adapter and parser.
 */
abstract class EmulatorPlatform implements CallControlTestPlatform {
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
