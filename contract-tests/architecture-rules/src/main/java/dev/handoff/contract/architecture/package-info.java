/**
 * Architecture rules (ArchUnit) for any hexagon: {@link
 * dev.handoff.contract.architecture.HexagonRules}, with a configurable root package, layer names
 * and library lists, Handoff's as the default.
 */
package dev.handoff.contract.architecture;
