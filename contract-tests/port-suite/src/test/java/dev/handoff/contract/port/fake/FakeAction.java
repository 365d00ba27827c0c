package dev.handoff.contract.port.fake;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.Prompt;

/**
 * The fake provider's wire format for a warm handoff's action: what one request carries. The fake
 * adapter writes it from an action; the fake provider records it as received.
 *
 * @param action the action
 * @param callId the call it acts on; null for a call to place
 * @param party the raw id of the participant it holds, takes off hold, plays to, removes or calls;
 *     null for a prompt to everyone and a hang-up
 * @param audio the hold audio or the prompt, or null
 * @param callback the action's callback URI, or null
 * @param operationContext the correlation to echo, or null
 */
record FakeAction(
    CallAction action,
    String callId,
    String party,
    Prompt audio,
    String callback,
    String operationContext) {}
