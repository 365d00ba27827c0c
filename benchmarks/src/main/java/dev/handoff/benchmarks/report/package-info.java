/** Reading JMH's results and setting Handoff beside the SDKs and the targets. */
package dev.handoff.benchmarks.report;
