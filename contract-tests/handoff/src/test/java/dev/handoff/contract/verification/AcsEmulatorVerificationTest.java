package dev.handoff.contract.verification;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.contract.pact.AcsRequestSigning;
import dev.handoff.contract.pact.BundledPacts;
import dev.handoff.contract.pact.HandoffPacts;
import dev.handoff.contract.pact.VerificationTargets;
import dev.handoff.contract.support.WebhookSink;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emulator honours the ACS adapter's pact: every interaction is replayed against the emulator's
 * ACS, each after the provider state that makes it meaningful (a call, a group call, a ringing
 * invitation, an incoming call, none, a foreign signing key, throttling), each request signed
 * afresh with the emulator's access key.
 */
@Provider(HandoffPacts.ACS_PROVIDER)
@PactSource(BundledPacts.class)
class AcsEmulatorVerificationTest {
  private static final String CALLER = "4:+14255550100";
  private static final String FOREIGN_KEY = "Zm9yZWlnbi1yZXNvdXJjZS1rZXktZm9yLXRoZS1wYWN0";

  private static HandoffEmulator emulator;
  private static WebhookSink sink;
  private static AcsRequestSigning signing;
  private static AcsRequestSigning foreignSigning;
  private static boolean foreignKey;

  @BeforeAll
  static void start() throws Exception {
    emulator = HandoffEmulator.builder().timeScale(0.05).build().start();
    sink = new WebhookSink();
    signing = AcsRequestSigning.with(emulator.acs().accessKey(), emulator.acs().httpEndpoint());
    foreignSigning = AcsRequestSigning.with(FOREIGN_KEY, emulator.acs().httpEndpoint());
  }

  @AfterAll
  static void stop() {
    sink.close();
    emulator.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    emulator.control().reset();
    foreignKey = false;
    context.setTarget(VerificationTargets.of(emulator.httpBaseUrl()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    (foreignKey ? foreignSigning : signing).sign(request);
    context.verifyInteraction();
  }

  @State("a call connection exists")
  Map<String, Object> callExists() {
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.oneToOne(sink.uri("/acs").toString(), CALLER));
    return Map.of(
        "callConnectionId",
        call.callConnectionId(),
        "callbackUri",
        sink.uri("/acs/operations").toString());
  }

  @State("a group call connection exists")
  Map<String, Object> groupCallExists(Map<String, Object> parameters) {
    String participant = String.valueOf(parameters.get("participant"));
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.group(sink.uri("/acs").toString(), CALLER, participant));
    return Map.of("callConnectionId", call.callConnectionId());
  }

  @State("a call connection with a ringing invitation exists")
  Map<String, Object> ringingInvitation() {
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.oneToOne(sink.uri("/acs").toString(), CALLER));
    PhoneNumber invitee = PhoneNumber.of("+14255550199");
    emulator.control().script(invitee.rawId(), Outcome.noAnswer());
    AddParticipant add = AddParticipant.builder(call.callConnectionId(), invitee).build();
    SubmitResult added =
        AcsCallControl.builder()
            .connectionString(emulator.acs().httpConnectionString())
            .build()
            .addParticipant(add, SubmitContext.standalone(add, Clock.systemUTC()));
    String invitationId =
        ((SubmitResult.Accepted) added)
            .invitationId()
            .orElseThrow(() -> new IllegalStateException("the emulator issued no invitation id"));
    return Map.of("callConnectionId", call.callConnectionId(), "invitationId", invitationId);
  }

  @State("an incoming call exists")
  Map<String, Object> incomingCall() {
    emulator.control().eventGridWebhook(sink.uri("/eventgrid").toString());
    AcsIncomingCall incoming =
        emulator
            .control()
            .createAcsIncomingCall(
                AcsIncomingCallSpec.of(CALLER, "8:acs:3f6b8a2e-5c1d-4e7f-9a0b-1c2d3e4f5a6b_0000"));
    return Map.of("incomingCallContext", incoming.incomingCallContext());
  }

  @State({"no call connection exists", "no incoming call exists"})
  void nothingExists() {
    // The emulator was reset before the interaction: it knows no call.
  }

  @State("requests are signed with another resource's key")
  void foreignKey() {
    foreignKey = true;
  }

  @State("the service throttles transfers")
  void throttled() {
    emulator.control().injectFault(FaultRule.once("acs.transfer", new FaultAction.Error(429, 3)));
  }
}
