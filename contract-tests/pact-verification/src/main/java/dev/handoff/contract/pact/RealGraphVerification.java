package dev.handoff.contract.pact;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the Graph adapter's pact against Microsoft Graph with an app registration's client
 * credentials ({@value #TENANT_ID}, {@value #CLIENT_ID}, {@value #CLIENT_SECRET}); without them the
 * verification is skipped, saying so. Extend it with an empty class:
 *
 * <pre>{@code
 * class VerifyGraphPact extends RealGraphVerification {}
 * }</pre>
 *
 * <p>The interactions verified are those whose provider states need nothing live: a call that does
 * not exist (404) and a token Graph does not accept (401; the call named is {@value #CALL_ID} when
 * set, else a random id). Calls, invitations, redirects, a tenant mismatch and throttling cannot be
 * staged by a test on the real service; they are verified against the emulator, which is held to
 * the same pact. Subclass and add {@code @State} methods to verify more against your tenant.
 */
@Provider(HandoffPacts.GRAPH_PROVIDER)
@PactSource(BundledPacts.class)
@PactFilter({"no call exists", "the bearer token is not valid"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RealGraphVerification {
  /** Environment variable: the app registration's tenant. */
  public static final String TENANT_ID = "HANDOFF_VERIFY_GRAPH_TENANT_ID";

  /** Environment variable: the application (client) id. */
  public static final String CLIENT_ID = "HANDOFF_VERIFY_GRAPH_CLIENT_ID";

  /** Environment variable: the client secret. */
  public static final String CLIENT_SECRET = "HANDOFF_VERIFY_GRAPH_CLIENT_SECRET";

  /** Environment variable, optional: Graph's base URL, {@code https://graph.microsoft.com}. */
  public static final String BASE_URL = "HANDOFF_VERIFY_GRAPH_BASE_URL";

  /** Environment variable, optional: the token endpoint, Microsoft Entra's by default. */
  public static final String TOKEN_ENDPOINT = "HANDOFF_VERIFY_GRAPH_TOKEN_ENDPOINT";

  /** Environment variable, optional: a live call id for states that name a call. */
  public static final String CALL_ID = "HANDOFF_VERIFY_GRAPH_CALL_ID";

  private static final String SKIPPED =
      "Skipped: set "
          + TENANT_ID
          + ", "
          + CLIENT_ID
          + " and "
          + CLIENT_SECRET
          + " (an app registration with Calls.Initiate.All) to verify the Graph pact against"
          + " Microsoft Graph";

  private URI baseUrl;
  private GraphAccessTokens tokens;
  private boolean invalidToken;

  /**
   * @return where settings are read; the process environment unless overridden
   */
  protected UnaryOperator<String> environment() {
    return System::getenv;
  }

  private Optional<String> setting(String name) {
    return Optional.ofNullable(environment().apply(name)).filter(value -> !value.isBlank());
  }

  @BeforeAll
  final void readCredentials() {
    boolean configured =
        setting(TENANT_ID).isPresent()
            && setting(CLIENT_ID).isPresent()
            && setting(CLIENT_SECRET).isPresent();
    if (!configured) {
      System.out.println("[handoff] " + SKIPPED);
      return;
    }
    String tenant = setting(TENANT_ID).orElseThrow();
    baseUrl =
        URI.create(setting(BASE_URL).orElse("https://graph.microsoft.com").replaceAll("/+$", ""));
    URI tokenEndpoint =
        URI.create(
            setting(TOKEN_ENDPOINT)
                .orElse("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"));
    tokens =
        GraphAccessTokens.clientCredentials(
            tokenEndpoint, setting(CLIENT_ID).orElseThrow(), setting(CLIENT_SECRET).orElseThrow());
  }

  @BeforeEach
  final void target(PactVerificationContext context) {
    Assumptions.assumeTrue(baseUrl != null, SKIPPED);
    invalidToken = false;
    context.setTarget(VerificationTargets.of(baseUrl));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  final void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    request.setHeader(
        "Authorization", "Bearer " + (invalidToken ? "not.a.valid-token" : tokens.token()));
    context.verifyInteraction();
  }

  @State("a peer-to-peer call exists")
  final Map<String, Object> aCall() {
    return Map.of("callId", setting(CALL_ID).orElseGet(() -> UUID.randomUUID().toString()));
  }

  @State("no call exists")
  final void noCall() {
    // The pact's example call id names no call on the real service.
  }

  @State("the bearer token is not valid")
  final void invalidToken() {
    invalidToken = true;
  }
}
