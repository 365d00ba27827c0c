/**
 * The Handoff contract-test kit: rules and suites that keep the hexagon's layers apart and the wire
 * formats honest, published so that users run them in their own CI.
 */
package dev.handoff.contract;
