/**
 * Custom calling context: what an application passes to whoever picks up. SIP User-To-User
 * information and custom SIP headers, VoIP headers, and Teams phone call details, each with the
 * limits Azure Communication Services documents, enforced when the context is built.
 */
package dev.handoff.domain.context;
