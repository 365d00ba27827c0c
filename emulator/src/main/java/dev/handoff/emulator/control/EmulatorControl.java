package dev.handoff.emulator.control;

import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.Journal;
import java.util.Map;
import java.util.Optional;

/**
 * Drives a running emulator: create calls, script outcomes, inject faults, read the journal. The
 * HTTP control API under {@code /_emulator} offers the same operations.
 */
public interface EmulatorControl {

  /** Creates a connected ACS call connection. */
  AcsCall createAcsCall(AcsCallSpec spec);

  /**
   * Announces an incoming ACS call with an Event Grid IncomingCall event (after the subscription
   * validation handshake with the Event Grid webhook).
   *
   * @throws IllegalStateException when no Event Grid webhook is configured
   */
  AcsIncomingCall createAcsIncomingCall(AcsIncomingCallSpec spec);

  /** Creates an established Graph call of the bot. */
  GraphCall createGraphCall(GraphCallSpec spec);

  /**
   * Invites a participant into a connected ACS call, as {@code participants:add} would but without
   * a request: the target's scripted outcome decides what happens ({@link Outcome#noAnswer()} keeps
   * the invitation ringing until its timeout), and the call's callback gets the events. A phone
   * number is invited with {@link #DEFAULT_SOURCE_CALLER_ID} as caller id.
   *
   * @param callConnectionId a connected call
   * @param target the invitee's raw id, e.g. {@code 4:+14255550199}
   * @return the invitation id, which a cancellation names
   */
  String inviteToAcsCall(String callConnectionId, String target);

  /** The caller id of invitations made through {@link #inviteToAcsCall(String, String)}. */
  String DEFAULT_SOURCE_CALLER_ID = "+18005550100";

  /**
   * Creates an incoming Graph call and notifies the bot ({@code created}, state {@code incoming}).
   */
  GraphIncomingCall createGraphIncomingCall(GraphIncomingCallSpec spec);

  /** The state of an ACS call connection ({@code connected}, {@code transferring}, ...). */
  Optional<String> acsCallState(String callConnectionId);

  /** The state of a Graph call ({@code established}, {@code terminated}, ...). */
  Optional<String> graphCallState(String callId);

  /**
   * Scripts what a target does when a transfer or invitation reaches it. The target is any of its
   * ids: an ACS raw id ({@code 4:+14255550123}, {@code 8:acs:...}), a bare phone number (matching
   * ACS and Graph), an ACS user id, an Entra object id, an app id.
   */
  void script(String target, Outcome outcome);

  /** Sets what unscripted targets do (initially accept). */
  void defaultOutcome(Outcome outcome);

  /** The scripted outcomes by target. */
  Map<String, Outcome> scripts();

  /** Removes every script and restores the accepting default. */
  void clearScripts();

  /** Arms a request fault; returns its id. */
  String injectFault(FaultRule rule);

  /** Arms a callback fault; returns its id. */
  String injectCallbackFault(CallbackFault fault);

  /** The armed request faults by id. */
  Map<String, FaultRule> faults();

  /** The armed callback faults by id. */
  Map<String, CallbackFault> callbackFaults();

  /** Disarms one fault of either kind; returns whether it was armed. */
  boolean removeFault(String id);

  /** Disarms every fault, and opens every gate. */
  void clearFaults();

  /**
   * Opens a gate of {@link dev.handoff.emulator.fault.FaultAction.Held} faults: the requests held
   * at it are handled now, and later ones pass at once, until the faults are cleared.
   *
   * @param name the gate's name
   */
  void openGate(String name);

  /** Sets the Event Grid webhook that ACS IncomingCall events go to ({@code null} for none). */
  void eventGridWebhook(String url);

  /** Sets the bot's calling webhook for Graph incoming calls ({@code null} for none). */
  void graphBotWebhook(String url);

  /** The journal of requests and callbacks. */
  Journal journal();

  /** Forgets calls, scripts, faults, stored repeatable responses and the journal. */
  void reset();
}
