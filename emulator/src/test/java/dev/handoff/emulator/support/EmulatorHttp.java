package dev.handoff.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.emulator.HandoffEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the emulator: signed ACS calls, bearer Graph calls, over HTTP or HTTPS.
 */
public final class EmulatorHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HandoffEmulator emulator;
  private final HttpClient client;
  private final boolean https;

  /** A client for one emulator, over HTTPS (trusting its certificate) or plain HTTP. */
  public EmulatorHttp(HandoffEmulator emulator, boolean https) {
    this.emulator = emulator;
    this.https = https;
    this.client =
        HttpClient.newBuilder()
            .sslContext(emulator.trust().sslContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The base URL this client uses. */
  public String base() {
    return (https ? emulator.httpsBaseUrl() : emulator.httpBaseUrl()).toString();
  }

  /** The underlying client. */
  public HttpClient client() {
    return client;
  }

  /**
   * A POST of an ACS operation, HMAC-signed with the emulator's key and a fresh repeatability id.
   */
  public HttpResponse<String> acsPost(String pathAndQuery, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Repeatability-Request-ID", UUID.randomUUID().toString());
    headers.put("Repeatability-First-Sent", AcsSigner.now());
    return acsPost(pathAndQuery, body, headers, emulator.acs().accessKey());
  }

  /** A POST of an ACS operation with extra headers, signed with the given key. */
  public HttpResponse<String> acsPost(
      String pathAndQuery, String body, Map<String, String> extraHeaders, String accessKey) {
    URI uri = URI.create(base() + pathAndQuery);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    AcsSigner.headers(
            accessKey, "POST", uri, bytes, uri.getHost() + ":" + uri.getPort(), AcsSigner.now())
        .forEach(request::header);
    extraHeaders.forEach(request::header);
    return send(request.build());
  }

  /** A signed GET of an ACS resource. */
  public HttpResponse<String> acsGet(String pathAndQuery) {
    return acsGetUrl(base() + pathAndQuery);
  }

  /** A signed GET of an absolute URL, such as a next link the emulator gave. */
  public HttpResponse<String> acsGetUrl(String url) {
    URI uri = URI.create(url);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    AcsSigner.headers(
            emulator.acs().accessKey(),
            "GET",
            uri,
            new byte[0],
            uri.getHost() + ":" + uri.getPort(),
            AcsSigner.now())
        .forEach(request::header);
    return send(request.build());
  }

  /** A signed DELETE of an ACS resource. */
  public HttpResponse<String> acsDelete(String pathAndQuery) {
    URI uri = URI.create(base() + pathAndQuery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).DELETE();
    AcsSigner.headers(
            emulator.acs().accessKey(),
            "DELETE",
            uri,
            new byte[0],
            uri.getHost() + ":" + uri.getPort(),
            AcsSigner.now())
        .forEach(request::header);
    return send(request.build());
  }

  /** A Graph access token from the emulator's token endpoint. */
  public String graphToken() {
    HttpResponse<String> response =
        form(
            emulator.graph().httpTokenEndpoint().toString(),
            "grant_type=client_credentials&client_id="
                + emulator.graph().clientId()
                + "&client_secret="
                + emulator.graph().clientSecret()
                + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
    if (response.statusCode() != 200) {
      throw new AssertionError("token request failed: " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  /** A form POST. */
  public HttpResponse<String> form(String url, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** A Graph DELETE with a bearer token. */
  public HttpResponse<String> graphDelete(String path, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  /** A Graph POST with a bearer token. */
  public HttpResponse<String> graphPost(String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** A Graph GET with a bearer token. */
  public HttpResponse<String> graphGet(String path, String token) {
    return graphGetUrl(base() + path, token);
  }

  /** A Graph GET of an absolute URL, such as a next link, with a bearer token or none (null). */
  public HttpResponse<String> graphGetUrl(String url, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** A plain GET. */
  public HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  /** Sends a request. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses a response body. */
  public static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
