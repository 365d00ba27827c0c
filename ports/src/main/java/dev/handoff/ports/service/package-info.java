/**
 * The application service: implements every inbound use case on the outbound ports. Plain Java, so
 * that it runs inside the Quarkus service or in any application that embeds Handoff.
 */
package dev.handoff.ports.service;
