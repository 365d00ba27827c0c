package dev.handoff.adapter.graph.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.adapter.graph.support.MutableClock;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client-credentials tokens against a local token endpoint. */
class ClientCredentialsTokenProviderTest {
  private static final String TOKEN_PATH = "/tenant-1/oauth2/v2.0/token";

  private final LocalServer entra = LocalServer.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final AtomicInteger issued = new AtomicInteger();

  @AfterEach
  void stop() {
    entra.close();
  }

  private void issueTokens(long expiresIn) {
    entra.handler(
        request ->
            Reply.json(
                200,
                "{\"token_type\":\"Bearer\",\"expires_in\":"
                    + expiresIn
                    + ",\"ext_expires_in\":"
                    + expiresIn
                    + ",\"access_token\":\"token-"
                    + issued.incrementAndGet()
                    + "\"}"));
  }

  private ClientCredentialsTokenProvider provider() {
    return ClientCredentialsTokenProvider.builder("tenant-1", "client-1", "s3cr&t=+")
        .tokenEndpoint(entra.url(TOKEN_PATH))
        .clock(clock)
        .build();
  }

  @Test
  void acquiresATokenWithTheClientCredentialsGrant() {
    issueTokens(3599);

    String token = provider().accessToken();

    assertThat(token).isEqualTo("token-1");
    LocalServer.Recorded request = entra.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(TOKEN_PATH);
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(request.body()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "client-1",
                "client_secret", "s3cr&t=+",
                "scope", "https://graph.microsoft.com/.default"));
  }

  @Test
  void cachesTheTokenUntilTheRefreshMargin() {
    issueTokens(3600);
    ClientCredentialsTokenProvider provider = provider();

    assertThat(provider.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofMinutes(54));
    assertThat(provider.accessToken()).isEqualTo("token-1");
    assertThat(entra.requests()).hasSize(1);

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(provider.accessToken()).isEqualTo("token-2");
    assertThat(entra.requests()).hasSize(2);
    assertThat(provider.accessToken()).isEqualTo("token-2");
    assertThat(entra.requests()).hasSize(2);
  }

  @Test
  void theRefreshMarginIsAtMostHalfTheLifetime() {
    issueTokens(120);
    ClientCredentialsTokenProvider provider = provider();

    assertThat(provider.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(59));
    assertThat(provider.accessToken()).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(provider.accessToken()).isEqualTo("token-2");
  }

  @Test
  void aFailedRefreshKeepsUsingTheStillValidToken() {
    issueTokens(3600);
    ClientCredentialsTokenProvider provider = provider();
    assertThat(provider.accessToken()).isEqualTo("token-1");
    entra.handler(request -> Reply.status(503));

    clock.advance(Duration.ofMinutes(58));
    assertThat(provider.accessToken()).isEqualTo("token-1");

    clock.advance(Duration.ofMinutes(3));
    assertThatThrownBy(provider::accessToken)
        .isInstanceOfSatisfying(
            TokenAcquisitionException.class,
            e -> {
              assertThat(e.httpStatus()).hasValue(503);
              assertThat(e.retryable()).isTrue();
            });
  }

  @Test
  void anErrorBodyBecomesAClearException() {
    entra.reply(
        Reply.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\","
                + "\"error_codes\":[7000215],\"timestamp\":\"2026-03-01 10:00:00Z\","
                + "\"trace_id\":\"trace-1\",\"correlation_id\":\"corr-1\"}"));

    assertThatThrownBy(() -> provider().accessToken())
        .isInstanceOfSatisfying(
            TokenAcquisitionException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "The token endpoint refused the request: HTTP 401, invalid_client: AADSTS7000215:"
                          + " Invalid client secret provided.");
              assertThat(e.httpStatus()).hasValue(401);
              assertThat(e.error()).hasValue("invalid_client");
              assertThat(e.errorCodes()).containsExactly(7000215L);
              assertThat(e.traceId()).hasValue("trace-1");
              assertThat(e.correlationId()).hasValue("corr-1");
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void answersThatAreNotTokensAreRefused() {
    entra.reply(Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    assertThatThrownBy(() -> provider().accessToken())
        .hasMessageContaining("access_token is missing");

    entra.reply(
        Reply.json(200, "{\"token_type\":\"pop\",\"expires_in\":3600,\"access_token\":\"x\"}"));
    assertThatThrownBy(() -> provider().accessToken())
        .hasMessageContaining("token_type must be Bearer, was pop");

    entra.reply(Reply.json(200, "{\"access_token\":\"x\"}"));
    assertThatThrownBy(() -> provider().accessToken())
        .hasMessageContaining("expires_in must be a positive number of seconds");

    entra.reply(new Reply(500, Map.of(), "<html>down</html>"));
    assertThatThrownBy(() -> provider().accessToken())
        .hasMessage("The token endpoint refused the request: HTTP 500 without an OAuth error body");
  }

  @Test
  void anUnreachableEndpointIsReported() {
    entra.close();
    ClientCredentialsTokenProvider provider = provider();

    assertThatThrownBy(provider::accessToken)
        .isInstanceOfSatisfying(
            TokenAcquisitionException.class,
            e -> {
              assertThat(e.httpStatus()).isEmpty();
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).contains("could not be reached");
            });
  }

  @Test
  void concurrentCallersShareOneRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    entra.handler(
        request -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Reply.json(
              200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"shared\"}");
        });
    ClientCredentialsTokenProvider provider = provider();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(provider::accessToken));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(entra.requests()).hasSize(1);
  }

  @Test
  void invalidateDropsOnlyTheRefusedToken() {
    issueTokens(3600);
    ClientCredentialsTokenProvider provider = provider();
    assertThat(provider.accessToken()).isEqualTo("token-1");

    provider.invalidate("some-other-token");
    assertThat(provider.accessToken()).isEqualTo("token-1");

    provider.invalidate("token-1");
    assertThat(provider.accessToken()).isEqualTo("token-2");
  }

  @Test
  void theDefaultEndpointIsTheTenantsV2Endpoint() {
    assertThat(
            ClientCredentialsTokenProvider.builder("contoso.onmicrosoft.com", "c", "s")
                .build()
                .tokenEndpoint())
        .hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
  }

  @Test
  void credentialsAreValidatedAndTheSecretNeverShown() {
    assertThatThrownBy(() -> ClientCredentialsTokenProvider.builder("bad/tenant", " ", null))
        .hasMessageContaining("tenantId must be a tenant GUID or domain name, was bad/tenant")
        .hasMessageContaining("clientId is required")
        .hasMessageContaining("clientSecret is required");
    assertThat(provider().toString()).doesNotContain("s3cr&t").contains("secret=***");
  }

  @Test
  void theCallControlAuthenticatesWithClientCredentialsAndReusesTheToken() {
    issueTokens(3600);
    try (LocalServer graph = LocalServer.start().reply(Reply.status(202))) {
      GraphCallControl control =
          GraphCallControl.builder()
              .clientCredentials("tenant-1", "client-1", "secret")
              .tokenEndpoint(entra.url(TOKEN_PATH))
              .baseUrl(graph.baseUrl())
              .options(Fixtures.fastOptions().clock(clock).build())
              .build();
      CallTransfer transfer = CallTransfer.builder("call-1", TeamsUser.of("u-1")).build();

      control.transfer(transfer, Fixtures.context("c"));
      control.transfer(transfer, Fixtures.context("c"));

      assertThat(entra.requests()).hasSize(1);
      assertThat(graph.requests())
          .extracting(r -> r.header("Authorization"))
          .containsOnly("Bearer token-1");
    }
  }

  @Test
  void aTokenRefusalRejectsTheCommandAsAuthenticationWithoutSendingIt() {
    entra.reply(
        Reply.json(
            400,
            "{\"error\":\"unauthorized_client\",\"error_description\":\"AADSTS700016: Application not found\","
                + "\"error_codes\":[700016],\"trace_id\":\"trace-9\",\"correlation_id\":\"corr-9\"}"));
    try (LocalServer graph = LocalServer.start().reply(Reply.status(202))) {
      SubmitResult result =
          GraphCallControl.builder()
              .clientCredentials("tenant-1", "client-1", "secret")
              .tokenEndpoint(entra.url(TOKEN_PATH))
              .baseUrl(graph.baseUrl())
              .build()
              .transfer(
                  CallTransfer.builder("call-1", TeamsUser.of("u-1")).build(),
                  Fixtures.context("c"));

      assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
      Failure failure = ((SubmitResult.Rejected) result).failure();
      assertThat(failure.reason()).isEqualTo(FailureReason.AUTHENTICATION);
      assertThat(failure.retryable()).isFalse();
      assertThat(failure.message()).contains("unauthorized_client").contains("AADSTS700016");
      assertThat(failure.evidence().code()).hasValue("unauthorized_client");
      assertThat(failure.evidence().references())
          .containsEntry("token.http-status", "400")
          .containsEntry("token.error_codes", "700016")
          .containsEntry("token.trace_id", "trace-9")
          .containsEntry("token.correlation_id", "corr-9");
      assertThat(graph.requests()).isEmpty();
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
