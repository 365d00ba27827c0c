package dev.handoff.contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A representative client of the Handoff API: what an IVR bot does when it hands a caller over. It
 * transfers the call, invites an agent, withdraws an invitation, polls an operation and follows it
 * as Server-Sent Events, with {@code java.net.http} and Jackson only.
 */
final class IvrBotClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param base the service's base URL
   * @param apiKey the API key, or null to send none
   */
  IvrBotClient(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  /** An operation as the bot reads it. */
  record Operation(
      String id,
      String kind,
      String callId,
      String state,
      Optional<String> operationContext,
      Optional<String> invitationId,
      Optional<String> failureReason,
      Optional<String> location) {}

  /** One Server-Sent Event. */
  record Event(String name, String id, Operation operation) {}

  /** The service refused the request with an RFC 9457 problem. */
  static final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;
    final transient List<String> violatedFields;

    ProblemException(int status, String type, String detail, List<String> violatedFields) {
      super(status + " " + type + ": " + detail);
      this.status = status;
      this.type = type;
      this.violatedFields = violatedFields;
    }
  }

  /** Transfers the call to a phone number, with User-To-User and a custom SIP header. */
  Operation transferToPhone(String callId, String number, String userToUser, String caseId) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("target").put("kind", "phoneNumber").put("value", number);
    ObjectNode context = body.putObject("context");
    context.put("userToUser", userToUser);
    context.putObject("sipHeaders").put("X-MS-Custom-caseId", caseId);
    body.put("operationContext", "ivr-case-" + caseId);
    return operation(post("/v1/calls/" + segment(callId) + "/transfers", body));
  }

  /** Invites an agent's phone, ringing at most the given seconds. */
  Operation inviteAgent(String callId, String number, int ringSeconds, String context) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("participant").put("kind", "phoneNumber").put("value", number);
    body.put("invitationTimeoutSeconds", ringSeconds);
    body.put("operationContext", context);
    return operation(post("/v1/calls/" + segment(callId) + "/participants", body));
  }

  /** Withdraws an invitation that was not answered yet. */
  Operation cancelInvitation(String callId, String invitationId) {
    HttpRequest request =
        request(
                "/v1/calls/"
                    + segment(callId)
                    + "/participants/invitations/"
                    + segment(invitationId))
            .DELETE()
            .build();
    return operation(send(request));
  }

  /** Reads an operation. */
  Operation operation(String operationId) {
    return operation(send(request("/v1/operations/" + segment(operationId)).GET().build()));
  }

  /** Follows an operation and returns the first event of its stream. */
  Event firstEvent(String operationId) {
    HttpRequest request =
        request("/v1/operations/" + segment(operationId) + "/events", "text/event-stream")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        throw problem(response.statusCode(), lines.lines().reduce("", String::concat));
      }
      String name = "message";
      String id = null;
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            return new Event(name, id, read(JSON.readTree(data.toString()), Optional.empty()));
          }
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
        if (field.equals("event")) {
          name = value;
        } else if (field.equals("id")) {
          id = value;
        } else if (field.equals("data")) {
          data.append(value);
        }
      }
      throw new IllegalStateException("the stream ended before its first event");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> post(String path, JsonNode body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private HttpRequest.Builder request(String path) {
    return request(path, "application/json");
  }

  private HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", accept);
    if (apiKey != null) {
      builder.header("X-API-Key", apiKey);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Operation operation(HttpResponse<String> response) {
    if (response.statusCode() != 200 && response.statusCode() != 202) {
      throw problem(response.statusCode(), response.body());
    }
    try {
      return read(JSON.readTree(response.body()), response.headers().firstValue("Location"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Operation read(JsonNode node, Optional<String> location) {
    return new Operation(
        node.path("id").asText(),
        node.path("kind").asText(),
        node.path("callId").asText(),
        node.path("state").asText(),
        text(node, "operationContext"),
        text(node, "invitationId"),
        text(node.path("failure"), "reason"),
        location);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static ProblemException problem(int status, String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      List<String> fields = new ArrayList<>();
      problem.path("violations").forEach(v -> fields.add(v.path("field").asText()));
      return new ProblemException(
          status, problem.path("type").asText(), problem.path("detail").asText(), fields);
    } catch (IOException e) {
      return new ProblemException(status, "", body, List.of());
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
