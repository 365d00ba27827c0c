/**
 * Is a callback really from Azure Communication Services? The signed JWT ACS sends with every
 * mid-call callback ({@link dev.handoff.adapter.acs.auth.JwtCallbackVerifier}), or a pre-shared
 * secret in the callback URI's query ({@link dev.handoff.adapter.acs.auth.QuerySecretVerifier}).
 * Both work from any web framework.
 */
package dev.handoff.adapter.acs.auth;
