package dev.handoff.contract.verification;

import dev.handoff.contract.pact.RealAcsVerification;

/**
 * The ACS pact against a real ACS resource, when {@code HANDOFF_VERIFY_ACS_CONNECTION_STRING} is
 * set; skipped with a message otherwise.
 */
class AcsRealEndpointVerificationTest extends RealAcsVerification {}
