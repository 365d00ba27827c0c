package dev.handoff.contract.verification;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.contract.pact.BundledPacts;
import dev.handoff.contract.pact.GraphAccessTokens;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.contract.pact.VerificationTargets;
import dev.handoff.contract.support.GraphEmulatorPlatform;
import dev.handoff.contract.support.WebhookSink;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
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

  @State("a peer-to-peer call exists, its caller's participant id known")
  Map<String, Object> peerToPeerCallAndCaller() {
    GraphCall call = call(GraphCallSpec.peerToPeer(sink.uri("/graph").toString(), CALLER));
    return Map.of("callId", call.callId(), "participantId", callerOf(call));
  }

  @State("a peer-to-peer call exists, its caller on hold music")
  Map<String, Object> callerOnHold() {
    GraphCall call = call(GraphCallSpec.peerToPeer(sink.uri("/graph").toString(), CALLER));
    String caller = callerOf(call);
    HoldParticipant hold =
        new HoldParticipant(
            call.callId(),
            Transferee.of(PhoneNumber.of("+14255550100"), caller),
            Optional.empty(),
            Optional.empty());
    SubmitResult held =
        GraphCallControl.builder()
            .tokenSupplier(tokens::token)
            .baseUrl(GraphEmulatorPlatform.graphRoot(emulator.graph()))
            .build()
            .hold(
                hold,
                new SubmitContext(
                    OperationId.of("state"),
                    "state",
                    SubmissionToken.create(Clock.systemUTC().instant())));
    if (!(held instanceof SubmitResult.Accepted) && !(held instanceof SubmitResult.Completed)) {
      throw new IllegalStateException("the emulator did not hold the caller: " + held);
    }
    return Map.of("callId", call.callId(), "participantId", caller);
  }

  private static String callerOf(GraphCall call) {
    return call.participants().stream()
        .filter(participant -> participant.identity().equals(CALLER))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the caller is not in the call"))
        .participantId();
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
