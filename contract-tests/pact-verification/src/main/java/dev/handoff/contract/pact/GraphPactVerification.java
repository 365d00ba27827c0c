package dev.handoff.contract.pact;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
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
 * Verifies the Graph adapter's pact (every interaction of {@code handoff-adapter-graph →
 * graph-calls}) against a running Handoff emulator, or against Microsoft Graph with an app
 * registration's client credentials. Extend it with an empty class whose name Surefire runs:
 *
 * <pre>{@code
 * class GraphPactTest extends GraphPactVerification {}
 * }</pre>
 *
 * <p>Against the emulator: set {@value VerificationSettings#EMULATOR_URL} (or {@code
 * HANDOFF_EMULATOR_URL}) to its URL, the same URL as printed at start without {@code /v1.0} (the
 * pact's paths carry the version). Everything else is read from it: the tenant and client
 * credentials for tokens, and each provider state is staged through its control API (a
 * peer-to-peer, group, consultation or incoming call, throttling). The emulator is reset before
 * each interaction. For an https URL, set {@value VerificationSettings#TLS_TRUST}.
 *
 * <p>Against Graph: set {@value #TENANT_ID}, {@value #CLIENT_ID} and {@value #CLIENT_SECRET} (or
 * their environment variables, e.g. {@code HANDOFF_VERIFY_GRAPH_TENANT_ID}), and optionally {@value
 * #BASE_URL} and {@value #TOKEN_ENDPOINT} for another cloud. Only the interactions whose states
 * need nothing live are verified: a call that does not exist (404) and a token Graph does not
 * accept (401); the others are reported skipped with the reason.
 *
 * <p>With neither setting the class fails, saying what to set. When both are set, the emulator is
 * used.
 */
@Provider(HandoffPacts.GRAPH_PROVIDER)
@PactSource(BundledPacts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GraphPactVerification {
  /** Setting: the app registration's tenant. */
  public static final String TENANT_ID = "handoff.verify.graph.tenant-id";

  /** Setting: the application (client) id. */
  public static final String CLIENT_ID = "handoff.verify.graph.client-id";

  /** Setting: the client secret. */
  public static final String CLIENT_SECRET = "handoff.verify.graph.client-secret";

  /** Setting, optional: Graph's base URL, {@code https://graph.microsoft.com} by default. */
  public static final String BASE_URL = "handoff.verify.graph.base-url";

  /** Setting, optional: the token endpoint, Microsoft Entra's for the tenant by default. */
  public static final String TOKEN_ENDPOINT = "handoff.verify.graph.token-endpoint";

  private static final String CALLER = "phone:+14255550100";
  private static final Set<String> STAGED_ON_A_REAL_TENANT =
      Set.of("no call exists", "the bearer token is not valid");
  // A call is named, but Graph refuses the token before it looks the call up.
  private static final Map<String, String> STAGED_TOGETHER =
      Map.of("a peer-to-peer call exists", "the bearer token is not valid");

  private VerificationTarget target;
  private URI baseUrl;
  private GraphAccessTokens tokens;
  private String tenantId;
  private boolean invalidToken;

  /**
   * @return where settings are read: system properties, then environment variables, unless
   *     overridden
   */
  protected VerificationSettings settings() {
    return VerificationSettings.fromSystem();
  }

  /**
   * @return the running emulator's control API, for states a subclass adds
   * @throws IllegalStateException when verifying against Graph itself
   */
  protected final EmulatorControlApi emulator() {
    return target.emulator();
  }

  @BeforeAll
  final void connect() {
    VerificationSettings settings = settings();
    boolean credentials =
        settings.get(TENANT_ID).isPresent()
            && settings.get(CLIENT_ID).isPresent()
            && settings.get(CLIENT_SECRET).isPresent();
    target =
        VerificationTarget.resolve(
            settings,
            "Graph",
            credentials,
            VerificationSettings.howToSet(TENANT_ID)
                + ", "
                + VerificationSettings.howToSet(CLIENT_ID)
                + " and "
                + VerificationSettings.howToSet(CLIENT_SECRET)
                + " (an app registration with Calls.Initiate.All)");
    String clientId;
    String clientSecret;
    URI tokenEndpoint;
    if (target.emulated()) {
      JsonNode graph = target.emulator().info().path("graph");
      baseUrl = target.emulator().url();
      tenantId = graph.path("tenantId").asText();
      clientId = graph.path("clientId").asText();
      clientSecret = graph.path("clientSecret").asText();
      tokenEndpoint = URI.create(baseUrl + "/" + tenantId + "/oauth2/v2.0/token");
    } else {
      tenantId = settings.get(TENANT_ID).orElseThrow();
      clientId = settings.get(CLIENT_ID).orElseThrow();
      clientSecret = settings.get(CLIENT_SECRET).orElseThrow();
      baseUrl =
          URI.create(
              settings.get(BASE_URL).orElse("https://graph.microsoft.com").replaceAll("/+$", ""));
      tokenEndpoint =
          URI.create(
              settings
                  .get(TOKEN_ENDPOINT)
                  .orElse("https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token"));
    }
    tokens =
        GraphAccessTokens.clientCredentials(tokenEndpoint, clientId, clientSecret, target.tls());
  }

  @BeforeEach
  final void target(PactVerificationContext context) {
    if (target.emulated()) {
      target.emulator().reset();
    }
    invalidToken = false;
    context.setTarget(VerificationTargets.of(baseUrl, target.tls()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  final void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    target
        .notVerifiable(context.getInteraction(), STAGED_ON_A_REAL_TENANT, STAGED_TOGETHER)
        .ifPresent(reason -> Assumptions.abort(reason));
    request.setHeader(
        "Authorization", "Bearer " + (invalidToken ? "not.a.valid-token" : tokens.token()));
    context.verifyInteraction();
  }

  private String callback(String path) {
    return target.emulator().sink(path).toString();
  }

  private static String placeholder() {
    return UUID.randomUUID().toString();
  }

  @State("a peer-to-peer call exists")
  final Map<String, Object> aCall() {
    if (!target.emulated()) {
      return Map.of("callId", placeholder(), "tenantId", tenantId);
    }
    JsonNode call = target.emulator().createGraphCall(callback("/graph"), false, CALLER);
    return Map.of("callId", call.path("callId").asText(), "tenantId", tenantId);
  }

  @State("a peer-to-peer call exists, its caller's participant id known")
  final Map<String, Object> aCallAndItsCaller() {
    if (!target.emulated()) {
      return Map.of("callId", placeholder(), "participantId", placeholder());
    }
    JsonNode call = target.emulator().createGraphCall(callback("/graph"), false, CALLER);
    return Map.of("callId", call.path("callId").asText(), "participantId", callerOf(call));
  }

  @State("a peer-to-peer call exists, its caller on hold music")
  final Map<String, Object> aCallWithTheCallerOnHoldMusic() {
    Map<String, Object> call = aCallAndItsCaller();
    if (!target.emulated()) {
      return call;
    }
    URI uri =
        URI.create(
            baseUrl
                + "/v1.0/communications/calls/"
                + call.get("callId")
                + "/participants/"
                + call.get("participantId")
                + "/startHoldMusic");
    StagingRequests.post(
        uri,
        "{\"clientContext\":\"state-hold\"}",
        Map.of("Authorization", "Bearer " + tokens.token()),
        target.tls(),
        "start hold music on the caller");
    return call;
  }

  private static String callerOf(JsonNode call) {
    for (JsonNode participant : call.path("participants")) {
      if (CALLER.equals(participant.path("identity").asText())) {
        return participant.path("participantId").asText();
      }
    }
    throw new IllegalStateException("the emulator's call names no participant " + CALLER);
  }

  @State("a call and a consultation call with the target exist")
  final Map<String, Object> aConsultation() {
    if (!target.emulated()) {
      return Map.of("callId", placeholder(), "consultationCallId", placeholder());
    }
    EmulatorControlApi emulator = target.emulator();
    JsonNode call = emulator.createGraphCall(callback("/graph"), false, CALLER);
    JsonNode consultation =
        emulator.createGraphCall(callback("/graph"), false, "user:" + UUID.randomUUID());
    return Map.of(
        "callId",
        call.path("callId").asText(),
        "consultationCallId",
        consultation.path("callId").asText());
  }

  @State("a group call exists")
  final Map<String, Object> aGroupCall() {
    if (!target.emulated()) {
      return Map.of("callId", placeholder(), "participantId", placeholder());
    }
    JsonNode call =
        target
            .emulator()
            .createGraphCall(callback("/graph"), true, CALLER, "user:" + UUID.randomUUID());
    String participantId = null;
    for (JsonNode participant : call.path("participants")) {
      if (CALLER.equals(participant.path("identity").asText())) {
        participantId = participant.path("participantId").asText();
      }
    }
    if (participantId == null) {
      throw new IllegalStateException("the emulator's group call has no " + CALLER + ": " + call);
    }
    return Map.of("callId", call.path("callId").asText(), "participantId", participantId);
  }

  @State("an incoming call exists")
  final Map<String, Object> anIncomingCall() {
    if (!target.emulated()) {
      return Map.of("callId", placeholder(), "callbackUri", "https://bot.example.com/api/calls");
    }
    return Map.of(
        "callId",
        target.emulator().createGraphIncomingCall(callback("/graph"), CALLER),
        "callbackUri",
        callback("/graph/redirected"));
  }

  @State("the bot may place calls")
  final Map<String, Object> mayPlaceCalls() {
    // Placing a call needs nothing beforehand; the state names where the new call's
    // notifications go, which the emulator then delivers to the verification's receiver.
    if (!target.emulated()) {
      return Map.of("callbackUri", "https://bot.example.com/api/calls");
    }
    return Map.of("callbackUri", callback("/graph/consultation"));
  }

  @State("no call exists")
  final void noCall() {
    // The emulator was reset before the interaction; the pact's example id names no call anywhere.
  }

  @State("the bearer token is not valid")
  final void invalidToken() {
    invalidToken = true;
  }

  @State("Graph throttles transfers")
  final void throttled() {
    if (target.emulated()) {
      target.emulator().failNext("graph.transfer", 429, 3);
    }
  }
}
