/**
 * Handoff's benchmarks: JMH micro-benchmarks of the adapters' wire work beside the official SDKs
 * ({@code serialize}, {@code parse}, {@code sdk}), the report that pairs them ({@code report}), and
 * the service-level measurements run as plain mains ({@code load}, {@code startup}, {@code
 * footprint}). How to run each is in {@code docs/BENCHMARKS.md}.
 */
package dev.handoff.benchmarks;
