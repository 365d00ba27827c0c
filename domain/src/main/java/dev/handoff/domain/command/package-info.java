/**
 * The commands an application gives: transfer a call (blind or consultative), add a participant,
 * cancel an invitation, redirect an incoming call, and hand a caller warm to a person ({@link
 * dev.handoff.domain.command.WarmHandoff}). Each validates itself when built.
 */
package dev.handoff.domain.command;
