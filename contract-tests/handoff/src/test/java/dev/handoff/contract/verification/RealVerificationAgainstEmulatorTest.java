package dev.handoff.contract.verification;

import dev.handoff.contract.pact.RealAcsVerification;
import dev.handoff.contract.pact.RealGraphVerification;
import dev.handoff.contract.support.GraphEmulatorPlatform;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The real-endpoint verifications do what they promise when credentials are set: pointed at the
 * emulator through the same environment variables a user sets, their interactions pass.
 */
class RealVerificationAgainstEmulatorTest {
  private static final HandoffEmulator EMULATOR = HandoffEmulator.builder().build().start();

  @AfterAll
  static void stop() {
    EMULATOR.close();
  }

  @Nested
  class Acs extends RealAcsVerification {
    @Override
    protected UnaryOperator<String> environment() {
      Map<String, String> env = Map.of(CONNECTION_STRING, EMULATOR.acs().httpConnectionString());
      return env::get;
    }
  }

  @Nested
  class Graph extends RealGraphVerification {
    @Override
    protected UnaryOperator<String> environment() {
      GraphEndpoints graph = EMULATOR.graph();
      Map<String, String> env =
          Map.of(
              TENANT_ID, graph.tenantId(),
              CLIENT_ID, graph.clientId(),
              CLIENT_SECRET, graph.clientSecret(),
              TOKEN_ENDPOINT, graph.httpTokenEndpoint().toString(),
              BASE_URL, GraphEmulatorPlatform.graphRoot(graph).toString());
      return env::get;
    }
  }
}
