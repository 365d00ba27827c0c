/** Child JVMs for the service-level measurements: start, readiness, resident set, stop. */
package dev.handoff.benchmarks.process;
