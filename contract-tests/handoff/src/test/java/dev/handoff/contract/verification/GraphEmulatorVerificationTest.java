package dev.handoff.contract.verification;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import dev.handoff.contract.pact.BundledPacts;
import dev.handoff.contract.pact.GraphAccessTokens;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.contract.pact.VerificationTargets;
import dev.handoff.contract.support.WebhookSink;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emulator honours the Graph adapter's pact: every interaction is replayed against the
 * emulator's Graph after its provider state (a peer-to-peer, group, consultation or incoming call,
 * none, an invalid token, throttling), with a bearer token from the emulator's token endpoint.
 */
@Provider(HandoffPacts.GRAPH_PROVIDER)
@PactSource(BundledPacts.class)
class GraphEmulatorVerificationTest {
  private static final String CALLER = "phone:+14255550100";

  private static HandoffEmulator emulator;
  private static WebhookSink sink;
  private static GraphAccessTokens tokens;
  private static boolean invalidToken;

  @BeforeAll
  static void start() throws Exception {
    emulator = HandoffEmulator.builder().timeScale(0.05).build().start();
    sink = new WebhookSink();
    tokens =
        GraphAccessTokens.clientCredentials(
            emulator.graph().httpTokenEndpoint(),
            emulator.graph().clientId(),
            emulator.graph().clientSecret());
  }

  @AfterAll
  static void stop() {
    sink.close();
    emulator.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    emulator.control().reset();
    invalidToken = false;
    context.setTarget(VerificationTargets.of(emulator.httpBaseUrl()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    request.setHeader(
        "Authorization", "Bearer " + (invalidToken ? "not.a.valid-token" : tokens.token()));
    context.verifyInteraction();
  }

  private GraphCall call(GraphCallSpec spec) {
    return emulator.control().createGraphCall(spec);
  }

  @State("a peer-to-peer call exists")
  Map<String, Object> peerToPeerCall() {
    GraphCall call = call(GraphCallSpec.peerToPeer(sink.uri("/graph").toString(), CALLER));
    return Map.of("callId", call.callId(), "tenantId", emulator.graph().tenantId());
  }

  @State("a call and a consultation call with the target exist")
  Map<String, Object> consultation() {
    GraphCall call = call(GraphCallSpec.peerToPeer(sink.uri("/graph").toString(), CALLER));
    GraphCall consultation =
        call(GraphCallSpec.peerToPeer(sink.uri("/graph").toString(), "user:" + UUID.randomUUID()));
    return Map.of("callId", call.callId(), "consultationCallId", consultation.callId());
  }

  @State("a group call exists")
  Map<String, Object> groupCall() {
    GraphCall call =
        call(
            GraphCallSpec.group(
                sink.uri("/graph").toString(), CALLER, "user:" + UUID.randomUUID()));
    String participantId =
        call.participants().stream()
            .filter(participant -> participant.identity().equals(CALLER))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the caller is not in the group call"))
            .participantId();
    return Map.of("callId", call.callId(), "participantId", participantId);
  }

  @State("an incoming call exists")
  Map<String, Object> incomingCall() {
    GraphIncomingCall incoming =
        emulator
            .control()
            .createGraphIncomingCall(
                new GraphIncomingCallSpec(sink.uri("/graph").toString(), CALLER, null));
    return Map.of(
        "callId", incoming.callId(), "callbackUri", sink.uri("/graph/redirected").toString());
  }

  @State("no call exists")
  void noCall() {
    // The emulator was reset before the interaction: it knows no call.
  }

  @State("the bearer token is not valid")
  void invalidToken() {
    invalidToken = true;
  }

  @State("Graph throttles transfers")
  void throttled() {
    emulator.control().injectFault(FaultRule.once("graph.transfer", new FaultAction.Error(429, 3)));
  }
}
