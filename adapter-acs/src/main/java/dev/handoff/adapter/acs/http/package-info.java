/**
 * The transport to Azure Communication Services on {@code java.net.http}: connection strings,
 * HMAC-SHA256 request signing and Microsoft Entra bearer tokens, repeatability headers, bounded
 * retries with backoff inside an overall deadline, and the interpretation of the service's answers
 * (status and {@code CommunicationErrorResponse}) as Handoff submit results.
 */
package dev.handoff.adapter.acs.http;
