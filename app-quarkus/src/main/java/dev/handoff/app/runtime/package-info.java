/** How the service is assembled: the application service, its store, bus, provider and sweeps. */
package dev.handoff.app.runtime;
