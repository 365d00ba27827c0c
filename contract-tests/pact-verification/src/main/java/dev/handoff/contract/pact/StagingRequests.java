package dev.handoff.contract.pact;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Sends a provider request that stages a state the emulator's control API does not offer (a caller
 * on hold), to the emulator's provider API as a client would.
 */
final class StagingRequests {
  private StagingRequests() {}

  /**
   * @param uri the provider request's URI
   * @param body the JSON body
   * @param headers its headers (authorization included)
   * @param tls the trust for https, when set
   * @param what what the request stages, for the error
   * @throws IllegalStateException when the emulator does not answer 2xx
   */
  static void post(
      URI uri, String body, Map<String, String> headers, Optional<SSLContext> tls, String what) {
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    tls.ifPresent(client::sslContext);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
            request.header(name, value);
          }
        });
    try {
      HttpResponse<String> answer =
          client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "the emulator did not " + what + ": " + answer.statusCode() + " " + answer.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("the emulator did not " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while staging: " + what, e);
    }
  }
}
