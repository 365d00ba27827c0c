/**
 * The official SDKs doing the work Handoff's adapters do, through the narrowest path that is
 * faithful to what each SDK runs: ACS Call Automation 1.0.4 and Microsoft Graph 6.x (kiota).
 */
package dev.handoff.benchmarks.sdk;
