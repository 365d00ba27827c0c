package dev.handoff.contract.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A client of a running Handoff emulator's HTTP control API ({@code /_emulator}), for provider
 * states: create calls, script targets, inject faults, reset. The verification classes use it; a
 * subclass that adds its own states can too ({@code emulator()}).
 */
public final class EmulatorControlApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;
  private final JsonNode info;

  private EmulatorControlApi(URI base, HttpClient http, JsonNode info) {
    this.base = base;
    this.http = http;
    this.info = info;
  }

  /**
   * Connects to the emulator at that URL, waiting up to a minute for it to answer (in CI it may
   * still be starting), and reads what it serves.
   *
   * @param url the emulator's URL, e.g. {@code http://127.0.0.1:8089}
   * @param tls the trust for an https URL; empty for the JDK's
   * @return the client
   * @throws IllegalStateException when nothing answers as an emulator there
   */
  public static EmulatorControlApi connect(URI url, Optional<SSLContext> tls) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          VerificationSettings.EMULATOR_URL + ": must be an http or https URL, got " + url);
    }
    URI base = URI.create(url.toString().replaceAll("/+$", ""));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    tls.ifPresent(builder::sslContext);
    HttpClient http = builder.build();
    Instant deadline = Instant.now().plus(STARTUP);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/_emulator/info"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return new EmulatorControlApi(base, http, JSON.readTree(answer.body()));
        }
        throw new IllegalStateException(
            VerificationSettings.EMULATOR_URL
                + ": "
                + base
                + "/_emulator/info answered "
                + answer.statusCode()
                + "; is a Handoff emulator running at "
                + base
                + "?");
      } catch (IOException e) {
        last = e;
        pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the emulator", e);
      }
    }
    throw new IllegalStateException(
        VerificationSettings.EMULATOR_URL
            + ": no Handoff emulator answered at "
            + base
            + " within "
            + STARTUP.toSeconds()
            + " s (last error: "
            + last
            + "). Start it first, e.g. java -jar handoff-emulator-<version>-standalone.jar --port"
            + " 8089",
        last);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the emulator", e);
    }
  }

  /**
   * @return the emulator's URL, as given
   */
  public URI url() {
    return base;
  }

  /**
   * @return what {@code GET /_emulator/info} returned: endpoints, credentials, settings
   */
  public JsonNode info() {
    return info;
  }

  /**
   * @param path a path under the emulator's own callback receiver, e.g. {@code /acs}
   * @return a callback URL the emulator accepts deliveries at, so that no application needs to
   *     listen
   */
  public URI sink(String path) {
    return URI.create(base + "/_emulator/sink" + path);
  }

  /** Forgets every call, script, fault, stored repeatable response and the journal. */
  public void reset() {
    send("POST", "/reset", null);
  }

  /**
   * @param callbackUri where the call's events go
   * @param participants the remote parties' raw ids; two or more make a group call
   * @return the call connection id
   */
  public String createAcsCall(String callbackUri, String... participants) {
    ObjectNode body = JSON.createObjectNode().put("callbackUri", callbackUri);
    ArrayNode parties = body.putArray("participants");
    for (String participant : participants) {
      parties.add(participant);
    }
    return send("POST", "/acs/calls", body).path("callConnectionId").asText();
  }

  /**
   * Invites a participant into an ACS call without a request; its scripted outcome decides.
   *
   * @param callConnectionId the call
   * @param target the invitee's raw id
   * @return the invitation id
   */
  public String inviteToAcsCall(String callConnectionId, String target) {
    return send(
            "POST",
            "/acs/calls/" + callConnectionId + "/invitations",
            JSON.createObjectNode().put("target", target))
        .path("invitationId")
        .asText();
  }

  /**
   * @param url where ACS incoming calls are announced (Event Grid subscription endpoint)
   */
  public void eventGridWebhook(String url) {
    send("PUT", "/settings/event-grid-webhook", JSON.createObjectNode().put("url", url));
  }

  /**
   * @param from the caller's raw id
   * @param to the callee's raw id
   * @return the incoming call context a redirect names
   */
  public String createAcsIncomingCall(String from, String to) {
    return send(
            "POST", "/acs/incoming-calls", JSON.createObjectNode().put("from", from).put("to", to))
        .path("incomingCallContext")
        .asText();
  }

  /**
   * @param callbackUri where the call's notifications go
   * @param group whether it is a group call
   * @param participants the remote parties, {@code kind:id} ({@code phone:+1…}, {@code user:…})
   * @return the call: {@code callId}, {@code participants[{participantId, identity}]}
   */
  public JsonNode createGraphCall(String callbackUri, boolean group, String... participants) {
    ObjectNode body = JSON.createObjectNode().put("callbackUri", callbackUri).put("group", group);
    ArrayNode parties = body.putArray("participants");
    for (String participant : participants) {
      parties.add(participant);
    }
    return send("POST", "/graph/calls", body);
  }

  /**
   * @param callbackUri where the call's notifications go
   * @param source the caller, {@code kind:id}
   * @return the incoming call's id
   */
  public String createGraphIncomingCall(String callbackUri, String source) {
    return send(
            "POST",
            "/graph/incoming-calls",
            JSON.createObjectNode().put("callbackUri", callbackUri).put("source", source))
        .path("callId")
        .asText();
  }

  /**
   * @param target a target's id (a raw id, a phone number, an Entra object id)
   * @param outcome {@code accept}, {@code decline}, {@code busy}, {@code noAnswer}, …
   */
  public void script(String target, String outcome) {
    ObjectNode body = JSON.createObjectNode().put("target", target);
    body.putObject("outcome").put("kind", outcome);
    send("POST", "/outcomes", body);
  }

  /**
   * Makes the next request of an operation fail with an error status, without executing it.
   *
   * @param operation the emulator's operation name, e.g. {@code acs.transfer}
   * @param status the HTTP status, e.g. 429
   * @param retryAfterSeconds the {@code Retry-After} to send, or null
   */
  public void failNext(String operation, int status, Integer retryAfterSeconds) {
    ObjectNode body = JSON.createObjectNode().put("operation", operation).put("times", 1);
    ObjectNode action = body.putObject("action").put("type", "error").put("status", status);
    if (retryAfterSeconds != null) {
      action.put("retryAfterSeconds", retryAfterSeconds);
    }
    send("POST", "/faults", body);
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/_emulator" + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "the emulator's control API refused "
                + method
                + " /_emulator"
                + path
                + ": "
                + answer.statusCode()
                + " "
                + answer.body());
      }
      return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("the emulator's control API at " + base + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to the emulator", e);
    }
  }
}
