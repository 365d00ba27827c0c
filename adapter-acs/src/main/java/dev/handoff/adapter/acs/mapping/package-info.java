/**
 * Domain to wire: MapStruct mappers from Handoff's commands, participants and calling context to
 * the ACS request bodies, and the reading of identifiers the service reports back into
 * participants.
 */
package dev.handoff.adapter.acs.mapping;
