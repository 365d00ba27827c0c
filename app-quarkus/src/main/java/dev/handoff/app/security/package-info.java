/** API authentication: API keys or bearer JWTs, on by default, off only in the demo profile. */
package dev.handoff.app.security;
