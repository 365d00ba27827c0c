/**
 * The commands an application gives: transfer a call (blind or consultative), add a participant,
 * cancel an invitation, redirect an incoming call. Each validates itself when built.
 */
package dev.handoff.domain.command;
