package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adapter's parts used alone, without a {@code HandoffClient}, as the README's library section
 * names them: the {@code CallControl}, the callback verifier and the parser, against a local
 * stand-in for ACS.
 */
class StandaloneUseTest {
  @Test
  void thePartsWorkAlone() throws Exception {
    try (FakeAcsServer acsService = FakeAcsServer.start()) {
      // What a deployment knows: the resource's endpoint, key and id, and what arrives on a call.
      URI endpoint = acsService.endpoint();
      String accessKey = FakeAcsServer.ACCESS_KEY;
      String callConnectionId = "64006580-0abd-4d7b-8f3b-0d933a3cc13d";
      String acsResourceId = "a3b1c2d4-0000-4000-8000-123456789abc";
      RSAKey acsSigningKey = new RSAKeyGenerator(2048).keyID("acs-key").generate();
      acsService
          .serve("/calling/keys", new JWKSet(acsSigningKey).toPublicJWKSet().toString())
          .serve("/calling/.well-known/acsopenidconfiguration", "{\"jwks_uri\":\"/calling/keys\"}")
          .answer(FakeAcsServer.Answer.of(202, "{\"operationContext\":\"xfer-42\"}"));
      URI openIdConfiguration =
          URI.create(endpoint + "/calling/.well-known/acsopenidconfiguration");
      String authorizationHeader = "Bearer " + acsToken(acsSigningKey, acsResourceId);
      String callbackBody = transferAccepted(callConnectionId);

      // Outbound: the CallControl port, from the resource's connection string.
      CallControl acs =
          AcsCallControl.builder()
              .connectionString("endpoint=" + endpoint + ";accesskey=" + accessKey)
              .options(AcsOptions.builder().overallTimeout(Duration.ofSeconds(20)).build())
              .build();
      CallTransfer transfer =
          CallTransfer.builder(callConnectionId, PhoneNumber.of("+14255550123"))
              .operationContext("xfer-42")
              .callingContext(CallingContext.builder().userToUser("a1b2").build())
              .build();
      SubmitResult submitted =
          acs.transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));

      // Inbound, from any web framework: check the callback's token, then parse its body.
      JwtCallbackVerifier verifier =
          JwtCallbackVerifier.builder()
              .audience(acsResourceId)
              .openIdConfiguration(openIdConfiguration) // omit in production: ACS's is the default
              .build();
      verifier.verify(authorizationHeader); // throws CallbackAuthenticationException: answer 401
      List<ProviderEvent> events = AcsEventParser.create().parseEvents(callbackBody);

      assertThat(submitted).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(acsService.signatureProblems()).isEmpty();
      assertThat(
              Json.tree(acsService.requests().get(0).body()).at("/customCallingContext/sipHeaders"))
          .isEqualTo(Json.tree("{\"User-To-User\":\"a1b2\"}"));
      OperationUpdate update = (OperationUpdate) events.get(0);
      assertThat(update.progress()).isEqualTo(Progress.COMPLETED);
      assertThat(update.correlation()).contains("xfer-42");
    }
  }

  private static String acsToken(RSAKey key, String audience) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(JwtCallbackVerifier.DEFAULT_ISSUER)
                .audience(audience)
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String transferAccepted(String callConnectionId) {
    return ("[{\"id\":\"e-1\",\"source\":\"calling/callConnections/%1$s\","
            + "\"type\":\"Microsoft.Communication.CallTransferAccepted\",\"specversion\":\"1.0\","
            + "\"time\":\"2026-03-20T10:00:00.1234567+00:00\",\"data\":{\"callConnectionId\":\"%1$s\","
            + "\"operationContext\":\"xfer-42\",\"resultInformation\":{\"code\":200,\"subCode\":7015,"
            + "\"message\":\"The transfer operation completed successfully.\"}}}]")
        .formatted(callConnectionId);
  }
}
