/** The size of Handoff's runtime dependency closure against the official ACS SDK's. */
package dev.handoff.benchmarks.footprint;
