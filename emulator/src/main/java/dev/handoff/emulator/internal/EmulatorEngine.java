package dev.handoff.emulator.internal;

import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.internal.acs.AcsService;
import dev.handoff.emulator.internal.graph.GraphService;
import dev.handoff.emulator.internal.state.FaultEngine;
import dev.handoff.emulator.internal.state.JournalStore;
import dev.handoff.emulator.internal.state.OutcomeScript;
import dev.handoff.emulator.internal.state.Simulation;
import dev.handoff.emulator.journal.Journal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@link EmulatorControl} over the provider emulations and the shared state. */
public final class EmulatorEngine implements EmulatorControl {

  private final AcsService acs;
  private final GraphService graph;
  private final OutcomeScript script;
  private final FaultEngine faults;
  private final JournalStore journal;
  private final Simulation simulation;

  /** Wires the engine. */
  public EmulatorEngine(
      AcsService acs,
      GraphService graph,
      OutcomeScript script,
      FaultEngine faults,
      JournalStore journal,
      Simulation simulation) {
    this.simulation = simulation;
    this.acs = acs;
    this.graph = graph;
    this.script = script;
    this.faults = faults;
    this.journal = journal;
  }

  @Override
  public AcsCall createAcsCall(AcsCallSpec spec) {
    return acs.createCall(spec);
  }

  @Override
  public String inviteToAcsCall(String callConnectionId, String target) {
    return acs.invite(callConnectionId, target, DEFAULT_SOURCE_CALLER_ID);
  }

  @Override
  public AcsIncomingCall createAcsIncomingCall(AcsIncomingCallSpec spec) {
    return acs.createIncomingCall(spec);
  }

  @Override
  public GraphCall createGraphCall(GraphCallSpec spec) {
    return graph.createCall(spec);
  }

  @Override
  public GraphIncomingCall createGraphIncomingCall(GraphIncomingCallSpec spec) {
    return graph.createIncomingCall(spec);
  }

  @Override
  public Optional<String> acsCallState(String callConnectionId) {
    return acs.callState(callConnectionId);
  }

  @Override
  public Optional<String> graphCallState(String callId) {
    return graph.callState(callId);
  }

  @Override
  public void script(String target, Outcome outcome) {
    script.put(target, outcome);
  }

  @Override
  public void defaultOutcome(Outcome outcome) {
    script.fallback(outcome);
  }

  @Override
  public Map<String, Outcome> scripts() {
    return script.scripts();
  }

  @Override
  public void clearScripts() {
    script.clear();
  }

  @Override
  public String injectFault(FaultRule rule) {
    return faults.add(rule);
  }

  @Override
  public String injectCallbackFault(CallbackFault fault) {
    return faults.add(fault);
  }

  @Override
  public Map<String, FaultRule> faults() {
    Map<String, FaultRule> out = new LinkedHashMap<>();
    faults.requestFaults().forEach(view -> out.put(view.id(), view.rule()));
    return out;
  }

  @Override
  public Map<String, CallbackFault> callbackFaults() {
    Map<String, CallbackFault> out = new LinkedHashMap<>();
    faults.callbackFaults().forEach(view -> out.put(view.id(), view.rule()));
    return out;
  }

  @Override
  public boolean removeFault(String id) {
    return faults.remove(id);
  }

  @Override
  public void clearFaults() {
    faults.clear();
  }

  @Override
  public void openGate(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a gate needs a name");
    }
    faults.openGate(name);
  }

  @Override
  public void eventGridWebhook(String url) {
    acs.eventGridWebhook(url);
  }

  @Override
  public void graphBotWebhook(String url) {
    graph.botWebhook(url);
  }

  @Override
  public Journal journal() {
    return journal;
  }

  @Override
  public void reset() {
    simulation.reset();
    acs.reset();
    graph.reset();
    script.clear();
    faults.clear();
    journal.clear();
  }

  /** What unscripted targets do. */
  public Outcome fallbackOutcome() {
    return script.fallback();
  }

  /** The current Event Grid webhook, or null. */
  public String eventGridWebhook() {
    return acs.eventGridWebhook();
  }

  /** The current Graph bot webhook, or null. */
  public String graphBotWebhook() {
    return graph.botWebhook();
  }

  /** Completes an Event Grid validation through its validation URL. */
  public boolean validateEventGrid(String code) {
    return acs.validateEventGrid(code);
  }
}
