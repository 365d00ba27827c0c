package dev.handoff.contract.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Gets app-only Graph tokens by OAuth 2.0 client credentials, for provider verification: a pact
 * holds an example bearer token, which the service verified against must not accept. Tokens are
 * cached until a minute before they expire.
 */
public final class GraphAccessTokens {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final HttpClient http;
  private String token;
  private Instant expires = Instant.MIN;

  private GraphAccessTokens(
      URI tokenEndpoint,
      String clientId,
      String clientSecret,
      String scope,
      Optional<SSLContext> tls) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    tls.ifPresent(builder::sslContext);
    this.http = builder.build();
    this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  /**
   * @param tokenEndpoint e.g. {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
   * @param clientId the application (client) id
   * @param clientSecret its secret
   * @return tokens for the scope {@code https://graph.microsoft.com/.default}
   */
  public static GraphAccessTokens clientCredentials(
      URI tokenEndpoint, String clientId, String clientSecret) {
    return clientCredentials(tokenEndpoint, clientId, clientSecret, Optional.empty());
  }

  /**
   * @param tokenEndpoint the token endpoint
   * @param clientId the application (client) id
   * @param clientSecret its secret
   * @param tls the trust for an https token endpoint; empty for the JDK's
   * @return tokens for the scope {@code https://graph.microsoft.com/.default}
   */
  public static GraphAccessTokens clientCredentials(
      URI tokenEndpoint, String clientId, String clientSecret, Optional<SSLContext> tls) {
    return new GraphAccessTokens(
        tokenEndpoint, clientId, clientSecret, "https://graph.microsoft.com/.default", tls);
  }

  /**
   * @return a current access token, without the {@code Bearer} prefix
   * @throws IllegalStateException when the token endpoint refuses or cannot be reached, with its
   *     answer
   */
  public synchronized String token() {
    if (token != null && Instant.now().isBefore(expires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret)
            + "&scope="
            + encode(scope);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the token endpoint " + tokenEndpoint + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while getting a token", e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "the token endpoint answered " + response.statusCode() + " with no JSON", e);
    }
    if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
      throw new IllegalStateException(
          "the token endpoint refused: "
              + response.statusCode()
              + " "
              + body.path("error").asText("")
              + " "
              + body.path("error_description").asText(""));
    }
    token = body.get("access_token").asText();
    long lifetime = body.path("expires_in").asLong(300);
    expires = Instant.now().plusSeconds(Math.max(0, lifetime - 60));
    return token;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
