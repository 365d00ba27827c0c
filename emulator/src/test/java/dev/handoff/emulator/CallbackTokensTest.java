package dev.handoff.emulator;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Callback JWTs verify, as a receiver would, against the JWKS found through the served OpenID
 * configuration.
 */
class CallbackTokensTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01));

  private static DefaultJWTProcessor<SecurityContext> verifier(
      EmulatorHttp http,
      String openIdConfiguration,
      String issuer,
      String audience,
      Set<String> required)
      throws Exception {
    JsonNode configuration = json(http.get(openIdConfiguration));
    assertThat(configuration.get("issuer").asText()).isEqualTo(issuer);
    JWKSet keys = JWKSet.parse(http.get(configuration.get("jwks_uri").asText()).body());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience, new JWTClaimsSet.Builder().issuer(issuer).build(), required));
    return processor;
  }

  @Test
  void acsCallbackTokensVerifyAgainstTheServedJwks(HandoffEmulator emulator) throws Exception {
    try (CallbackReceiver receiver = new CallbackReceiver()) {
      AcsCall call =
          emulator
              .control()
              .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/acs"), "4:+14255550100"));
      EmulatorHttp http = new EmulatorHttp(emulator, true);
      http.acsPost(
          "/calling/callConnections/"
              + call.callConnectionId()
              + ":transferToParticipant?api-version=2026-03-12",
          "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+14255550123\"}}}");
      String token =
          receiver.await("/acs", 1).get(0).header("Authorization").substring("Bearer ".length());

      DefaultJWTProcessor<SecurityContext> processor =
          verifier(
              http,
              emulator.acs().openIdConfiguration().toString(),
              "https://acscallautomation.communication.azure.com",
              emulator.acs().resourceId(),
              Set.of("exp", "iat", "nbf"));
      JWTClaimsSet claims = processor.process(token, null);
      Duration lifetime =
          Duration.between(
              claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
      assertThat(lifetime).isEqualTo(Duration.ofMinutes(5));
      assertThat(claims.getExpirationTime()).isAfter(new Date());

      DefaultJWTProcessor<SecurityContext> wrongAudience =
          verifier(
              http,
              emulator.acs().httpOpenIdConfiguration().toString(),
              "https://acscallautomation.communication.azure.com",
              "other",
              Set.of());
      assertThatThrownBy(() -> wrongAudience.process(token, null))
          .isInstanceOf(BadJOSEException.class);
    }
  }

  @Test
  void graphCallbackTokensVerifyAgainstTheServedJwksAndCarryTheTenant(HandoffEmulator emulator)
      throws Exception {
    try (CallbackReceiver receiver = new CallbackReceiver()) {
      GraphCall call =
          emulator
              .control()
              .createGraphCall(GraphCallSpec.peerToPeer(receiver.url("/graph"), "user:x"));
      EmulatorHttp http = new EmulatorHttp(emulator, false);
      http.graphPost(
          "/v1.0/communications/calls/" + call.callId() + "/transfer",
          "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"t\"}}}}",
          http.graphToken());
      String token =
          receiver.await("/graph", 1).get(0).header("Authorization").substring("Bearer ".length());

      DefaultJWTProcessor<SecurityContext> processor =
          verifier(
              http,
              emulator.graph().httpOpenIdConfiguration().toString(),
              "https://api.botframework.com",
              emulator.graph().botAppId(),
              Set.of("exp", "nbf", "tid"));
      JWTClaimsSet claims = processor.process(token, null);
      assertThat(claims.getStringClaim("tid")).isEqualTo(emulator.graph().tenantId());
      Duration lifetime =
          Duration.between(
              claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
      assertThat(lifetime).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(70));

      DefaultJWTProcessor<SecurityContext> wrongIssuer =
          verifier(
              http,
              emulator.graph().httpOpenIdConfiguration().toString(),
              "https://api.botframework.com",
              "someone-else",
              Set.of());
      assertThatThrownBy(() -> wrongIssuer.process(token, null))
          .isInstanceOf(BadJOSEException.class);
    }
  }
}
