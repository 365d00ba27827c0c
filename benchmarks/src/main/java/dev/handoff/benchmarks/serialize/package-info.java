/** JMH benchmarks: a domain transfer to ACS and Graph request JSON, beside the SDKs. */
package dev.handoff.benchmarks.serialize;
