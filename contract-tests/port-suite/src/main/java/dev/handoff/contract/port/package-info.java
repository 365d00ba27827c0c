/**
 * The port test suite: {@link dev.handoff.contract.port.CallControlContract}, an abstract JUnit 5
 * suite that any {@link dev.handoff.ports.out.CallControl} implementation must pass, and {@link
 * dev.handoff.contract.port.CallControlTestPlatform}, what an implementer supplies to run it
 * against their adapter and their provider (or a stand-in for it), including what the provider
 * received for each command and each of a warm handoff's actions ({@link
 * dev.handoff.contract.port.ReceivedCommand}) and what it cannot observe ({@link
 * dev.handoff.contract.port.Observation}).
 */
package dev.handoff.contract.port;
