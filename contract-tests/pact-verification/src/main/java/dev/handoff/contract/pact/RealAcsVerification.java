package dev.handoff.contract.pact;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.net.URI;
import java.util.Locale;
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
 * Verifies the ACS adapter's pact against a real ACS resource. Extend it with an empty class and
 * run it with the resource's connection string in {@value #CONNECTION_STRING}; without it the
 * verification is skipped, saying so:
 *
 * <pre>{@code
 * class VerifyAcsPact extends RealAcsVerification {}
 * }</pre>
 *
 * <p>A test cannot stage calls, invitations or throttling on a real service, so the interactions
 * verified are those whose provider states need nothing live: a call that does not exist (404), a
 * redirect with an incoming-call context the service never issued (400), and a request signed with
 * another resource's key (401; the signature is checked before the call is looked up, so the call
 * named is {@value #CALL_CONNECTION_ID} when set, else a random id). The other interactions are
 * verified against the emulator, which is held to the same pact; to verify them against your tenant
 * too, subclass and add {@code @State} methods that create what they need, and widen the {@link
 * PactFilter}.
 */
@Provider(HandoffPacts.ACS_PROVIDER)
@PactSource(BundledPacts.class)
@PactFilter({
  "no call connection exists",
  "no incoming call exists",
  "requests are signed with another resource's key"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RealAcsVerification {
  /** Environment variable: the ACS resource's connection string. */
  public static final String CONNECTION_STRING = "HANDOFF_VERIFY_ACS_CONNECTION_STRING";

  /** Environment variable, optional: a live call connection id for states that name a call. */
  public static final String CALL_CONNECTION_ID = "HANDOFF_VERIFY_ACS_CALL_CONNECTION_ID";

  private static final String SKIPPED =
      "Skipped: set "
          + CONNECTION_STRING
          + " (endpoint=https://<resource>.communication.azure.com/;accesskey=<key>) to verify the"
          + " ACS pact against a real resource";

  private static final String OTHER_KEY = "Zm9yZWlnbi1yZXNvdXJjZS1rZXktZm9yLXRoZS1wYWN0";

  private URI endpoint;
  private AcsRequestSigning signing;
  private AcsRequestSigning foreignSigning;
  private boolean foreignKey;

  /**
   * @return where settings are read; the process environment unless overridden
   */
  protected UnaryOperator<String> environment() {
    return System::getenv;
  }

  @BeforeAll
  final void readCredentials() {
    String connectionString = environment().apply(CONNECTION_STRING);
    if (connectionString == null || connectionString.isBlank()) {
      System.out.println("[handoff] " + SKIPPED);
      return;
    }
    Map<String, String> parts = parse(connectionString);
    endpoint = URI.create(parts.get("endpoint").replaceAll("/+$", ""));
    signing = AcsRequestSigning.with(parts.get("accesskey"), endpoint);
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
              + ": must hold endpoint=...;accesskey=..., got the names of "
              + (endpoint == null ? "no endpoint" : "an endpoint")
              + " and "
              + (key == null ? "no accesskey" : "an accesskey"));
    }
    return Map.of("endpoint", endpoint, "accesskey", key);
  }

  @BeforeEach
  final void target(PactVerificationContext context) {
    Assumptions.assumeTrue(endpoint != null, SKIPPED);
    foreignKey = false;
    context.setTarget(VerificationTargets.of(endpoint));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  final void honoursThePact(PactVerificationContext context, ClassicHttpRequest request) {
    (foreignKey ? foreignSigning : signing).sign(request);
    context.verifyInteraction();
  }

  @State("a call connection exists")
  final Map<String, Object> aCall() {
    String id =
        Optional.ofNullable(environment().apply(CALL_CONNECTION_ID))
            .filter(value -> !value.isBlank())
            .orElseGet(() -> UUID.randomUUID().toString());
    return Map.of("callConnectionId", id);
  }

  @State({"no call connection exists", "no incoming call exists"})
  final void nothing() {
    // The pact's example ids name nothing on a real resource.
  }

  @State("requests are signed with another resource's key")
  final void signedWithAnotherKey() {
    foreignKey = true;
  }
}
