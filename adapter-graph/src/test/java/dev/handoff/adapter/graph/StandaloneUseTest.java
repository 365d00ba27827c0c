package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.adapter.graph.auth.VerifiedNotificationToken;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.adapter.graph.support.Json;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's parts used alone, without a {@code HandoffClient}, as the README's library section
 * names them: the {@code CallControl}, the notification authenticator and the parser, against local
 * stand-ins for Microsoft Entra, Graph and the OpenID key endpoint on 127.0.0.1.
 */
class StandaloneUseTest {

  private final LocalServer entra = LocalServer.start();
  private final LocalServer graphEmulator = LocalServer.start().reply(Reply.status(202));
  private final LocalServer keyEndpoint = LocalServer.start();

  @AfterEach
  void stop() {
    entra.close();
    graphEmulator.close();
    keyEndpoint.close();
  }

  @Test
  void thePartsWorkAlone() throws Exception {
    String tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    String clientId = "bot-app-id";
    String clientSecret = "client-secret";
    entra.reply(
        Reply.json(
            200,
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ-app-token\"}"));
    URI tokenEndpoint = entra.url("/" + tenantId + "/oauth2/v2.0/token");
    URI graphBaseUrl = graphEmulator.baseUrl();
    RSAKey signingKey = new RSAKeyGenerator(2048).keyID("notification-key").generate();
    keyEndpoint.handler(
        request ->
            request.path().endsWith("OpenIdConfiguration")
                ? Reply.json(200, "{\"jwks_uri\":\"" + keyEndpoint.url("/keys") + "\"}")
                : Reply.json(200, new JWKSet(signingKey.toPublicJWK()).toString()));
    URI openIdConfiguration = keyEndpoint.url("/v1/.well-known/OpenIdConfiguration");
    String authorizationHeader = "Bearer " + notificationToken(signingKey, clientId, tenantId);
    String notificationBody =
        "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":[{"
            + "\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
            + "\"resourceUrl\":\"/communications/calls/341a0500-d4bf-4224-8b19-1581168d328b\","
            + "\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"transferAccepted\"}}]}";

    CallControl graph =
        GraphCallControl.builder()
            .clientCredentials(tenantId, clientId, clientSecret)
            .tokenEndpoint(tokenEndpoint) // omit in production: login.microsoftonline.com
            .baseUrl(graphBaseUrl) // omit in production: https://graph.microsoft.com
            .build();

    CallTransfer transfer =
        CallTransfer.builder(
                "341a0500-d4bf-4224-8b19-1581168d328b",
                TeamsUser.of("550fae72-d251-43ec-868c-373732c2704f").withTenantId(tenantId))
            .build();
    SubmitResult result =
        graph.transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));
    // Accepted: Graph answered 202. The outcome arrives as notifications.

    // In the notification callback, with any web framework:
    GraphNotificationAuthenticator authenticator =
        GraphNotificationAuthenticator.builder(clientId)
            .openIdConfiguration(openIdConfiguration) // omit in production
            .build();
    GraphNotificationParser parser = GraphNotificationParser.builder().build();

    VerifiedNotificationToken caller = authenticator.verify(authorizationHeader);
    List<ProviderEvent> events = parser.parse(notificationBody);
    // events: OperationUpdate(TRANSFER, ACCEPTED) for the call; caller.tenantId() is the tenant.

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(entra.requests()).hasSize(1);
    LocalServer.Recorded sent = graphEmulator.requests().get(0);
    assertThat(sent.path())
        .isEqualTo("/v1.0/communications/calls/341a0500-d4bf-4224-8b19-1581168d328b/transfer");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer eyJ-app-token");
    assertThat(Json.tree(sent.body()))
        .isEqualTo(
            Json.tree(
                "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"550fae72-d251-43ec-868c-373732c2704f\","
                    + "\"tenantId\":\""
                    + tenantId
                    + "\"}}}}"));
    assertThat(caller.tenantId()).isEqualTo(tenantId);
    assertThat(events).hasSize(1);
    OperationUpdate update = (OperationUpdate) events.get(0);
    assertThat(update.scope()).isEqualTo(OperationKind.TRANSFER);
    assertThat(update.progress()).isEqualTo(Progress.ACCEPTED);
    assertThat(update.callId()).isEqualTo("341a0500-d4bf-4224-8b19-1581168d328b");
  }

  private static String notificationToken(RSAKey key, String audience, String tenant)
      throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer("https://api.botframework.com")
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3900)))
                .claim("tid", tenant)
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
