/**
 * The JSON of the request bodies the adapter sends, written by hand: byte for byte what the
 * adapter's Jackson configuration writes for the same {@code wire} records (property tests compare
 * the two on arbitrary records), at a fraction of the cost. Answers and events are still read with
 * Jackson.
 */
package dev.handoff.adapter.acs.wire.json;
