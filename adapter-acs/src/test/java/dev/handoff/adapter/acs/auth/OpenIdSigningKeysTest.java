package dev.handoff.adapter.acs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.handoff.adapter.acs.VirtualTime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys from an OpenID configuration served on loopback, as ACS serves its own. */
class OpenIdSigningKeysTest {
  private static final RSAKey FIRST = Tokens.rsaKey("acs-2026-01");
  private static final RSAKey ROTATED = Tokens.rsaKey("acs-2026-02");

  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(FIRST));
  private final AtomicInteger keyFetches = new AtomicInteger();
  private final VirtualTime time = new VirtualTime(Tokens.NOW);
  private final HttpServer server = start();

  private HttpServer start() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext(
          "/calling/.well-known/acsopenidconfiguration",
          exchange ->
              respond(
                  exchange,
                  "{\"issuer\":\"https://acscallautomation.communication.azure.com\","
                      + "\"jwks_uri\":\"/calling/keys\"}"));
      http.createContext(
          "/calling/keys",
          exchange -> {
            keyFetches.incrementAndGet();
            respond(exchange, published.get().toPublicJWKSet().toString());
          });
      http.start();
      return http;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI configuration() {
    return URI.create(
        "http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/calling/.well-known/acsopenidconfiguration");
  }

  private JwtCallbackVerifier verifier() {
    return JwtCallbackVerifier.builder()
        .audience(Tokens.AUDIENCE)
        .openIdConfiguration(configuration())
        .clock(time)
        .build();
  }

  @Test
  void fetchesTheKeysOnceAndCachesThem() {
    JwtCallbackVerifier verifier = verifier();

    verifier.verify("Bearer " + Tokens.rs256(FIRST, Tokens.claims().build()));
    verifier.verify("Bearer " + Tokens.rs256(FIRST, Tokens.claims().build()));

    assertThat(keyFetches).hasValue(1);
  }

  @Test
  void refreshesOnAnUnknownKeyIdAfterRotation() {
    JwtCallbackVerifier verifier = verifier();
    verifier.verify("Bearer " + Tokens.rs256(FIRST, Tokens.claims().build()));
    published.set(new JWKSet(java.util.List.of(FIRST, ROTATED)));
    time.advance(Duration.ofMinutes(2));

    verifier.verify("Bearer " + Tokens.rs256(ROTATED, Tokens.claims().build()));

    assertThat(keyFetches).hasValue(2);
  }

  @Test
  void madeUpKeyIdsCannotMakeItFetchOverAndOver() {
    JwtCallbackVerifier verifier = verifier();
    verifier.verify("Bearer " + Tokens.rs256(FIRST, Tokens.claims().build()));

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      "Bearer " + Tokens.rs256(FIRST, "made-up", Tokens.claims().build())))
          .isInstanceOf(CallbackAuthenticationException.class)
          .hasMessageStartingWith("UNKNOWN_KEY");
    }

    assertThat(keyFetches).hasValue(1);
  }

  @Test
  void failsClearlyWhenNoKeysCanBeHad() {
    server.stop(0);
    JwtCallbackVerifier verifier = verifier();

    assertThatThrownBy(
            () -> verifier.verify("Bearer " + Tokens.rs256(FIRST, Tokens.claims().build())))
        .isInstanceOf(CallbackAuthenticationException.class)
        .satisfies(
            e ->
                assertThat(((CallbackAuthenticationException) e).reason())
                    .isEqualTo(CallbackAuthenticationException.Reason.KEYS_UNAVAILABLE));
  }

  @Test
  void refusesAPlainHttpConfigurationOffLoopback() {
    assertThatThrownBy(
            () ->
                new OpenIdSigningKeys(
                    URI.create("http://acscallautomation.communication.azure.com/calling/x"),
                    HttpClient.newHttpClient(),
                    Duration.ofSeconds(1),
                    Duration.ofHours(1),
                    Duration.ofMinutes(1),
                    time))
        .hasMessageContaining("must use https");
  }
}
