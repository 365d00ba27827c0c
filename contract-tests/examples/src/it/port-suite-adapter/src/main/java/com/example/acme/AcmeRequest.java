package com.example.acme;

import java.util.List;
import java.util.Map;

/**
 * One request to Acme Voice, a made-up call-control provider: what its API takes.
 *
 * @param action {@code transfer}, {@code invite}, {@code cancel} or {@code redirect}
 * @param callId the call (the incoming call for a redirect)
 * @param to the E.164 numbers to reach
 * @param toName the name shown with the number, or null
 * @param sipHeaders custom SIP headers, by full name
 * @param userToUser the User-To-User value, or null
 * @param timeoutSeconds how long the target rings, or null
 * @param webhook where this operation's events go, or null for the call's
 * @param reference echoed in the events
 * @param idempotencyKey the same for every attempt of one operation
 * @param invitationId the invitation a cancellation withdraws, or null
 * @param incomingContext the incoming call a redirect names, or null
 */
public record AcmeRequest(
    String action,
    String callId,
    List<String> to,
    String toName,
    Map<String, String> sipHeaders,
    String userToUser,
    Integer timeoutSeconds,
    String webhook,
    String reference,
    String idempotencyKey,
    String invitationId,
    String incomingContext) {}
