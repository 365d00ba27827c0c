package dev.handoff.contract.verification;

import dev.handoff.contract.pact.RealGraphVerification;

/**
 * The Graph pact against Microsoft Graph, when {@code HANDOFF_VERIFY_GRAPH_*} credentials are set;
 * skipped with a message otherwise.
 */
class GraphRealEndpointVerificationTest extends RealGraphVerification {}
