/** Architecture rules (ArchUnit) for a Handoff-style hexagon. */
package dev.handoff.contract.architecture;
