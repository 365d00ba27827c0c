/** JMH benchmarks: provider callbacks to domain events, beside the SDKs' parsers. */
package dev.handoff.benchmarks.parse;
