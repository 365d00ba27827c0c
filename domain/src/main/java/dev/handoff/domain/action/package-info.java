/**
 * The provider actions a warm handoff is made of: hold and resume a participant, play a prompt,
 * remove a participant, place a consultation call, hang up. Each step of a handoff sends one, with
 * a submission token of its own; the transfer, add and cancel of {@link dev.handoff.domain.command}
 * serve as steps too.
 */
package dev.handoff.domain.action;
