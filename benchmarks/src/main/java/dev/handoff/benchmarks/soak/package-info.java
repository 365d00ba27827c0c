/**
 * The fault soak: transfers through the packaged service and the emulator under provider and
 * callback faults, concurrent same-call pairs on two instances, a SIGKILL with transfers in flight,
 * forged and replayed callbacks; each checked against the emulator's journal and the service's
 * operations ({@link dev.handoff.benchmarks.soak.SoakHarness}).
 */
package dev.handoff.benchmarks.soak;
