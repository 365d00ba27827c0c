package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.callback.OutgoingCallback;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.Simulation;
import dev.handoff.emulator.journal.SentCallback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers ACS resource events (IncomingCall) the way an Event Grid webhook subscription does: in
 * the EventGridEvent schema, after the subscription validation handshake with the endpoint (the
 * endpoint answers 200 with {@code {"validationResponse":"<code>"}}, or answers 200 and GETs the
 * validation URL within a minute, scaled).
 */
final class EventGridPublisher {

  static final String TOPIC =
      "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/handoff-emulator"
          + "/providers/Microsoft.Communication/communicationServices/handoff-emulator";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * How long (simulated, so scaled) an endpoint that answered the handshake with 200 but without
   * the code has to GET the validation URL.
   */
  static final Duration ASYNC_VALIDATION_WINDOW = Duration.ofSeconds(60);

  private final Simulation simulation;
  private final Map<String, CompletableFuture<Boolean>> validations = new HashMap<>();
  private final Map<String, CompletableFuture<Boolean>> byCode = new HashMap<>();
  private volatile String webhook;
  private volatile String baseUrl = "";

  EventGridPublisher(Simulation simulation, String webhook) {
    this.simulation = simulation;
    this.webhook = webhook;
  }

  void webhook(String url) {
    this.webhook = url;
  }

  String webhook() {
    return webhook;
  }

  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Forgets every handshake, so that the next event validates its webhook again. */
  synchronized void reset() {
    validations.clear();
    byCode.clear();
  }

  /** Completes the handshake for a validation code fetched through the validation URL. */
  synchronized boolean validateByUrl(String code) {
    CompletableFuture<Boolean> pending = byCode.get(code);
    if (pending == null) {
      return false;
    }
    pending.complete(true);
    return true;
  }

  /** Publishes one event to the webhook, validating the subscription first if needed. */
  void publish(String eventType, String subject, ObjectNode data, String callId) {
    String url = webhook;
    if (url == null) {
      throw new IllegalStateException(
          "no Event Grid webhook is configured: set eventGridWebhook before creating incoming calls");
    }
    ObjectNode event = Json.object();
    event.put("id", simulation.ids().uuidString());
    event.put("topic", TOPIC);
    event.put("subject", subject);
    event.set("data", data);
    event.put("eventType", eventType);
    event.put("dataVersion", "1.0");
    event.put("metadataVersion", "1");
    event.put("eventTime", TIME.format(simulation.settings().clock().instant()));
    ArrayNode body = Json.array();
    body.add(event);
    String shortType = eventType.substring(eventType.lastIndexOf('.') + 1);
    OutgoingCallback callback =
        new OutgoingCallback(
            "eventgrid",
            shortType,
            callId,
            "eventgrid:" + url,
            url,
            headers("Notification"),
            Json.string(body),
            null);
    validation(url)
        .thenAccept(
            valid -> {
              if (valid) {
                simulation.dispatcher().send(callback);
              } else {
                simulation
                    .dispatcher()
                    .refuse(callback, "the Event Grid subscription validation handshake failed");
              }
            });
  }

  private synchronized CompletableFuture<Boolean> validation(String url) {
    CompletableFuture<Boolean> existing = validations.get(url);
    if (existing != null && !(existing.isDone() && !existing.join())) {
      return existing;
    }
    String code = simulation.ids().uuidString().toUpperCase(java.util.Locale.ROOT);
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    AtomicBoolean echoed = new AtomicBoolean();
    validations.put(url, result);
    byCode.put(code, result);
    ObjectNode data = Json.object();
    data.put("validationCode", code);
    data.put("validationUrl", baseUrl + "/_emulator/eventgrid/validate?code=" + code);
    ObjectNode event = Json.object();
    event.put("id", simulation.ids().uuidString());
    event.put("topic", TOPIC);
    event.put("subject", "");
    event.set("data", data);
    event.put("eventType", "Microsoft.EventGrid.SubscriptionValidationEvent");
    event.put("eventTime", TIME.format(simulation.settings().clock().instant()));
    event.put("metadataVersion", "1");
    event.put("dataVersion", "2");
    ArrayNode body = Json.array();
    body.add(event);
    simulation
        .dispatcher()
        .send(
            new OutgoingCallback(
                "eventgrid",
                "SubscriptionValidation",
                null,
                "eventgrid:" + url,
                url,
                headers("SubscriptionValidation"),
                Json.string(body),
                (status, responseBody) -> {
                  echoed.set(status == 200 && echoes(responseBody, code));
                  return status == 200;
                }))
        .thenAccept(
            status -> {
              if (status != SentCallback.Status.DELIVERED || echoed.get()) {
                result.complete(echoed.get());
              } else {
                // A 200 without the code: the endpoint may still GET the validation URL.
                simulation.after(ASYNC_VALIDATION_WINDOW, () -> result.complete(false));
              }
            });
    return result;
  }

  private static boolean echoes(String responseBody, String code) {
    try {
      JsonNode node = Json.parse(responseBody.getBytes(StandardCharsets.UTF_8));
      return code.equals(node.path("validationResponse").asText(null));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Map<String, String> headers(String eventType) {
    return Map.of(
        "Content-Type", "application/json; charset=utf-8",
        "aeg-event-type", eventType,
        "aeg-subscription-name", "HANDOFF-EMULATOR",
        "aeg-delivery-count", "0",
        "aeg-data-version", "SubscriptionValidation".equals(eventType) ? "2" : "1.0",
        "aeg-metadata-version", "1");
  }
}
