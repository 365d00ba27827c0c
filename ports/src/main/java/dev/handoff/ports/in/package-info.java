/**
 * Inbound ports: the use cases Handoff offers, one interface each, and the values they take and
 * return.
 */
package dev.handoff.ports.in;
