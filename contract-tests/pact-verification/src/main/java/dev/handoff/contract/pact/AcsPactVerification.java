package dev.handoff.contract.pact;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the ACS adapter's pact (every interaction of {@code handoff-adapter-acs →
 * acs-call-automation}) against a running Handoff emulator, or against a real ACS resource. Extend
 * it with an empty class whose name Surefire runs (it ends in {@code Test}):
 *
 * <pre>{@code
 * class AcsPactTest extends AcsPactVerification {}
 * }</pre>
 *
 * <p>Against the emulator: set {@value VerificationSettings#EMULATOR_URL} (or {@code
 * HANDOFF_EMULATOR_URL}) to its URL. Everything else is read from it: the access key requests are
 * signed with, and each provider state is staged through its control API (calls, a group call, a
 * ringing invitation, an incoming call, throttling), with callbacks going to the emulator's own
 * receiver. The emulator is reset before each interaction. For an https URL, set {@value
 * VerificationSettings#TLS_TRUST} to its certificate (PEM).
 *
 * <p>Against a real resource: set {@value #CONNECTION_STRING} (or {@code
 * HANDOFF_VERIFY_ACS_CONNECTION_STRING}). A test cannot stage calls, invitations or throttling on a
 * real service without acting on real calls, so only the interactions whose states need nothing
 * live are verified: a call that does not exist (404), an incoming-call context the service never
 * issued (400), a request signed with another resource's key (401; the signature is checked before
 * the call is looked up). The others are reported skipped with the reason.
 *
 * <p>With neither setting the class fails, saying what to set: a verification that verifies nothing
 * does not pass. When both are set, the emulator is used.
 */
@Provider(HandoffPacts.ACS_PROVIDER)
@PactSource(BundledPacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AcsPactVerification {
  /** Setting: the ACS resource's connection string, {@code endpoint=...;accesskey=...}. */
  public static final String CONNECTION_STRING = "handoff.verify.acs.connection-string";

  private static final String CALLER = "4:+14255550100";
  private static final String INVITEE = "4:+14255550199";
  private static final String OTHER_KEY = "Zm9yZWlnbi1yZXNvdXJjZS1rZXktZm9yLXRoZS1wYWN0";
  private static final Set<String> STAGED_ON_A_REAL_RESOURCE =
      Set.of(
          "no call connection exists",
          "no incoming call exists",
          "requests are signed with another resource's key");
  // A call is named, but the service refuses the signature before it looks the call up.
  private static final Map<String, String> STAGED_TOGETHER =
      Map.of("a call connection exists", "requests are signed with another resource's key");

  private VerificationTarget target;
  private URI endpoint;
  private AcsRequestSigning signing;
  private AcsRequestSigning foreignSigning;
  private boolean foreignKey;

  /**
   * @return where settings are read: system properties, then environment variables, unless
   *     overridden
   */
  protected VerificationSettings settings() {
    return VerificationSettings.fromSystem();
  }

  /**
   * @return the running emulator's control API, for states a subclass adds
   * @throws IllegalStateException when verifying against a real resource
   */
  protected final EmulatorControlApi emulator() {
    return target.emulator();
  }

  @BeforeAll
  final void connect() {
    VerificationSettings settings = settings();
    target =
        VerificationTarget.resolve(
            settings,
            "ACS",
            settings.get(CONNECTION_STRING).isPresent(),
            VerificationSettings.howToSet(CONNECTION_STRING)
                + " to endpoint=https://<resource>.communication.azure.com/;accesskey=<key>");
    String accessKey;
    if (target.emulated()) {
      endpoint = target.emulator().url();
      accessKey = target.emulator().info().path("acs").path("accessKey").asText();
    } else {
      Map<String, String> parts = parse(settings.get(CONNECTION_STRING).orElseThrow());
      endpoint = URI.create(parts.get("endpoint").replaceAll("/+$", ""));
      accessKey = parts.get("accesskey");
    }
    signing = AcsRequestSigning.with(accessKey, endpoint);
    foreignSigning = AcsRequestSigning.with(OTHER_KEY, endpoint);
  }

  /**
   * @param text {@code endpoint=...;accesskey=...}
   * @return the two values, by lower-case name
   * @throws IllegalArgumentException naming what is missing; the key is never shown
   */
  static Map<String, String> parse(String text) {
    String endpoint = null;
    String key = null;
    for (String pair : text.split(";")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = pair.substring(eq + 1).trim();
      if (name.equals("endpoint")) {
        endpoint = value;
      } else if (name.equals("accesskey")) {
        key = value;
      }
    }
    if (endpoint == null || key == null) {
      throw new IllegalArgumentException(
          CONNECTION_STRING
              + ": must hold endpoint=...;accesskey=..., got "
              + (endpoint == null ? "no endpoint" : "an endpoint")
              + " and "
              + (key == null ? "no accesskey" : "an accesskey"));
    }
    return Map.of("endpoint", endpoint, "accesskey", key);
  }

  @BeforeEach
  final void target(PactVerificationContext context) {
    if (target.emulated()) {
      target.emulator().reset();
    }
    foreignKey = false;
    context.setTarget(VerificationTargets.of(endpoint, target.tls()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  final void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    target
        .notVerifiable(context.getInteraction(), STAGED_ON_A_REAL_RESOURCE, STAGED_TOGETHER)
        .ifPresent(reason -> Assumptions.abort(reason));
    (foreignKey ? foreignSigning : signing).sign(request);
    context.verifyInteraction();
  }

  private String callback(String path) {
    return target.emulator().sink(path).toString();
  }

  @State("a call connection exists")
  final Map<String, Object> aCall() {
    if (!target.emulated()) {
      return Map.of("callConnectionId", UUID.randomUUID().toString());
    }
    return Map.of(
        "callConnectionId",
        target.emulator().createAcsCall(callback("/acs"), CALLER),
        "callbackUri",
        callback("/acs/operations"));
  }

  @State("a call connection with the caller on hold exists")
  final Map<String, Object> aCallWithTheCallerOnHold() {
    Map<String, Object> call = aCall();
    if (!target.emulated()) {
      return call;
    }
    String id = String.valueOf(call.get("callConnectionId"));
    String body =
        "{\"targetParticipant\":{\"kind\":\"phoneNumber\","
            + "\"phoneNumber\":{\"value\":\"+14255550100\"},\"rawId\":\"4:+14255550100\"},"
            + "\"operationContext\":\"state-hold\"}";
    URI uri =
        URI.create(endpoint + "/calling/callConnections/" + id + ":hold?api-version=2026-03-12");
    org.apache.hc.core5.http.ClassicHttpRequest hold =
        org.apache.hc.core5.http.io.support.ClassicRequestBuilder.post()
            .setUri(uri)
            .setEntity(body, org.apache.hc.core5.http.ContentType.APPLICATION_JSON)
            .build();
    signing.sign(hold);
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (org.apache.hc.core5.http.Header header : hold.getHeaders()) {
      headers.put(header.getName(), header.getValue());
    }
    StagingRequests.post(uri, body, headers, target.tls(), "hold the caller");
    return call;
  }

  @State("a group call connection exists")
  final Map<String, Object> aGroupCall(Map<String, Object> parameters) {
    if (!target.emulated()) {
      return Map.of("callConnectionId", UUID.randomUUID().toString());
    }
    String participant = String.valueOf(parameters.get("participant"));
    return Map.of(
        "callConnectionId", target.emulator().createAcsCall(callback("/acs"), CALLER, participant));
  }

  @State("a call connection with a ringing invitation exists")
  final Map<String, Object> aRingingInvitation() {
    if (!target.emulated()) {
      return Map.of(
          "callConnectionId", UUID.randomUUID().toString(),
          "invitationId", UUID.randomUUID().toString());
    }
    EmulatorControlApi emulator = target.emulator();
    String call = emulator.createAcsCall(callback("/acs"), CALLER);
    emulator.script(INVITEE, "noAnswer");
    return Map.of(
        "callConnectionId", call, "invitationId", emulator.inviteToAcsCall(call, INVITEE));
  }

  @State("an incoming call exists")
  final Map<String, Object> anIncomingCall() {
    if (!target.emulated()) {
      return Map.of("incomingCallContext", "not-staged-on-a-real-resource");
    }
    EmulatorControlApi emulator = target.emulator();
    emulator.eventGridWebhook(callback("/eventgrid"));
    String callee = "8:acs:" + emulator.info().path("acs").path("resourceId").asText() + "_0000";
    return Map.of("incomingCallContext", emulator.createAcsIncomingCall(CALLER, callee));
  }

  @State({"no call connection exists", "no incoming call exists"})
  final void nothing() {
    // The emulator was reset before the interaction; the pact's example ids name nothing anywhere.
  }

  @State("requests are signed with another resource's key")
  final void signedWithAnotherKey() {
    foreignKey = true;
  }

  @State("the service throttles transfers")
  final void throttled() {
    if (target.emulated()) {
      target.emulator().failNext("acs.transfer", 429, 3);
    }
  }
}
