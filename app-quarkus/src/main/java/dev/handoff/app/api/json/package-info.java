/**
 * The JSON shapes of the HTTP API (requests, responses, problems) and their conversion to and from
 * the domain. Conversion collects every violation, with JSON paths, before anything is refused.
 */
package dev.handoff.app.api.json;
