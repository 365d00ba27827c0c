/** Start-up time and resident memory of the service against a baseline Quarkus app. */
package dev.handoff.benchmarks.startup;
