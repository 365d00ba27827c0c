/**
 * Jackson data transfer objects for the Azure Communication Services Call Automation REST API,
 * api-version 2026-03-12, named and shaped exactly as the service's OpenAPI definitions (the
 * definition name is given on each type). Every property carries its wire name explicitly; absent
 * values are {@code null} and never serialised ({@code @JsonInclude(NON_NULL)}), so a request never
 * carries {@code "x": null}.
 *
 * <p>These types are the adapter's internal wire model: they are public only so that the mapping,
 * transport and event packages can share them, and may change with the API.
 */
package dev.handoff.adapter.acs.wire;
