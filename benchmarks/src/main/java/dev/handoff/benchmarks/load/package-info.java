/** The load harness: concurrent transfers through the running service, and its ceiling. */
package dev.handoff.benchmarks.load;
