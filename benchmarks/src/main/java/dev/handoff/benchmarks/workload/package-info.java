/** The inputs the micro-benchmarks share, and what one invocation of each stands for. */
package dev.handoff.benchmarks.workload;
