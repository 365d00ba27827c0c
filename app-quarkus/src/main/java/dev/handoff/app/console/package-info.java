/**
 * The web console at {@code /console}: static HTML, CSS and ES modules under {@code
 * META-INF/resources/console/}, which hold no data. Everything the console shows comes from the
 * {@code /v1} API, with the credential the person enters; this package only sends {@code /console}
 * on to the page.
 */
package dev.handoff.app.console;
