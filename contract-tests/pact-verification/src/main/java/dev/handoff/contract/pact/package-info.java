/**
 * The Pact side of the kit: the names and bundled files of Handoff's contracts ({@link
 * dev.handoff.contract.pact.HandoffPacts}), the check that keeps generated pacts equal to the
 * committed ones ({@link dev.handoff.contract.pact.CommittedPacts}), and what provider verification
 * needs.
 */
package dev.handoff.contract.pact;
