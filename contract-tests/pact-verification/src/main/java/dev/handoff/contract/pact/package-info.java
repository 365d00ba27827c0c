/**
 * The Pact side of the kit: {@link dev.handoff.contract.pact.AcsPactVerification} and {@link
 * dev.handoff.contract.pact.GraphPactVerification}, which verify Handoff's provider pacts against a
 * running emulator (by its URL) or a real service from one empty subclass each; the names and
 * bundled files of Handoff's contracts ({@link dev.handoff.contract.pact.HandoffPacts}, {@link
 * dev.handoff.contract.pact.BundledPacts}); the check that keeps generated pacts equal to the
 * committed ones ({@link dev.handoff.contract.pact.CommittedPacts}); and the pieces verification is
 * built from (request signing, Graph tokens, one-attempt targets, the emulator's control API).
 */
package dev.handoff.contract.pact;
