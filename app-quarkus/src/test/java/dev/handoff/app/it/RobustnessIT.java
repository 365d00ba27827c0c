package dev.handoff.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Careless and hostile clients against the packaged service: generated and mutated bodies, headers,
 * query strings and paths on every API and callback endpoint, well over 10,000 requests in all.
 * Whatever arrives, the service never answers 5xx, answers every error with an {@code
 * application/problem+json} problem whose type is a kebab-case slug and whose status is the
 * answer's, and is still ready afterwards.
 */
class RobustnessIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "robustness-" + Long.toHexString(System.nanoTime());
  private static final AtomicInteger SENT = new AtomicInteger();
  private static final Map<Integer, AtomicInteger> STATUSES =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private static ServiceInstance service;

  private static final String TRANSFER =
      "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+1 425 555 0123\"},"
          + "\"transferee\":{\"participant\":{\"kind\":\"teamsUser\",\"userId\":"
          + "\"8f2c1c3e-1111-4e0e-9c3a-1234567890ab\",\"tenantId\":\"t-1\"},"
          + "\"callParticipantId\":\"p-1\"},\"context\":{\"userToUser\":\"a1b2\",\"sipHeaders\":"
          + "{\"X-MS-Custom-caseId\":\"42\"},\"voipHeaders\":{\"crm\":\"7\"},"
          + "\"teamsPhoneCallDetails\":{\"callTopic\":\"Billing\",\"callerDetails\":{\"caller\":"
          + "{\"kind\":\"phoneNumber\",\"value\":\"+14255550100\"},\"name\":\"Ann\",\"phoneNumber\":"
          + "\"+14255550100\"}}},\"operationContext\":\"case-42\",\"callbackUri\":"
          + "\"https://app.example.com/events\",\"sourceCallerId\":\"+18005550100\"}";
  private static final String ADD =
      "{\"participant\":{\"kind\":\"acsUser\",\"id\":\"8:acs:r_u\",\"displayName\":\"Bo\"},"
          + "\"invitationTimeoutSeconds\":30,\"sourceCallerId\":\"+18005550100\","
          + "\"sourceDisplayName\":\"Desk\",\"context\":{\"sipHeaders\":{\"X-Case\":\"1\"}},"
          + "\"operationContext\":\"add-1\"}";
  private static final String REDIRECT =
      "{\"incomingCallContext\":\"eyJhbGciOiJub25lIn0.e30.\",\"targets\":[{\"kind\":\"teamsApp\","
          + "\"appId\":\"a-1\",\"type\":\"applicationInstance\",\"cloud\":\"public\"}],"
          + "\"ringTimeoutSeconds\":20,\"operationContext\":\"r-1\"}";
  private static final String EMULATOR_CALL = "{\"callId\":\"fuzz-call\"}";
  private static final String ACS_EVENTS =
      "[{\"id\":\"e-1\",\"source\":\"calling/callConnections/c-1\",\"type\":"
          + "\"Microsoft.Communication.CallTransferAccepted\",\"data\":{\"callConnectionId\":"
          + "\"c-1\",\"operationContext\":\"x\",\"resultInformation\":{\"code\":200,\"subCode\":"
          + "7015}},\"time\":\"2026-03-20T10:00:00Z\",\"specversion\":\"1.0\"}]";
  private static final String EVENT_GRID =
      "[{\"id\":\"v-1\",\"topic\":\"/t\",\"subject\":\"\",\"data\":{\"validationCode\":\"c-1\"},"
          + "\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":"
          + "\"2026-03-20T10:00:00Z\",\"metadataVersion\":\"1\",\"dataVersion\":\"2\"}]";
  private static final String GRAPH =
      "{\"value\":[{\"changeType\":\"updated\",\"resourceUrl\":\"/communications/calls/c-1\","
          + "\"resourceData\":{\"state\":\"established\"}}]}";

  /** One request as a careless client may send it. */
  record Attempt(
      String method, String path, String query, Map<String, String> headers, String body) {
    @Override
    public String toString() {
      return method
          + " "
          + path
          + (query.isEmpty() ? "" : "?" + query)
          + " "
          + headers
          + " "
          + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    service =
        ServiceInstance.start(
            "robustness",
            ServiceInstance.freePort(),
            Map.of(
                "quarkus.http.host", "127.0.0.1",
                "handoff.provider", "emulator",
                "handoff.api.keys", KEY,
                "handoff.emulator.time-scale", "0.05"));
  }

  @AfterContainer
  static void stillHealthy() throws Exception {
    try {
      System.out.printf(
          "RobustnessIT: %d requests, answered by status: %s%n", SENT.get(), STATUSES);
      assertThat(SENT.get()).as("requests sent").isGreaterThanOrEqualTo(10_000);
      HttpResponse<String> ready =
          HTTP.send(
              HttpRequest.newBuilder(service.base().resolve("/q/health/ready")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
    } finally {
      service.close();
    }
  }

  @Property(tries = 5000, generation = GenerationMode.RANDOMIZED)
  void apiBodiesNeverBreakTheService(@ForAll("apiRequests") Attempt attempt) throws Exception {
    check(attempt);
  }

  @Property(tries = 3000, generation = GenerationMode.RANDOMIZED)
  void callbacksNeverBreakTheService(@ForAll("callbacks") Attempt attempt) throws Exception {
    check(attempt);
  }

  @Property(tries = 2500, generation = GenerationMode.RANDOMIZED)
  void pathsQueriesAndHeadersNeverBreakTheService(@ForAll("reads") Attempt attempt)
      throws Exception {
    check(attempt);
  }

  private static void check(Attempt attempt) throws Exception {
    Answer answer = send(attempt);
    SENT.incrementAndGet();
    int status = answer.statusCode();
    assertThat(status).as("%s answered %s", attempt, answer.body()).isLessThan(500);
    STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status >= 400) {
      assertThat(answer.headers().firstValue("Content-Type"))
          .as("%s answered %d", attempt, status)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      if (attempt.method().equals("HEAD")) {
        return; // a HEAD answer has the headers of the problem, never its body
      }
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("status").asInt()).as(attempt.toString()).isEqualTo(status);
      assertThat(problem.path("type").asText())
          .as(attempt.toString())
          .matches("urn:handoff:problem:[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(problem.path("detail").asText())
          .as(attempt.toString())
          .isNotBlank()
          .doesNotContain("java.")
          .doesNotContain("com.fasterxml")
          .doesNotContain("Exception");
    }
  }

  private static Answer send(Attempt attempt) throws Exception {
    URI uri =
        URI.create(
            service.base()
                + attempt.path()
                + (attempt.query().isEmpty() ? "" : "?" + attempt.query()));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    attempt.headers().forEach(request::header);
    request.method(
        attempt.method(),
        attempt.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(attempt.body()));
    HttpResponse<InputStream> answer =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = answer.body()) {
      // A path such as /v1/operations/./events is normalised by the server to the change feed,
      // a stream that never ends: its answer is judged by status and headers alone. (The
      // request timeout only bounds the wait for the headers, never the read of a body.)
      boolean stream =
          answer
              .headers()
              .firstValue("Content-Type")
              .filter(type -> type.startsWith("text/event-stream"))
              .isPresent();
      String text = stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(answer.statusCode(), answer.headers(), text);
    }
  }

  /** What the service answered, its body read in full unless it is an event stream. */
  private record Answer(int statusCode, HttpHeaders headers, String body) {}

  // ---- generators ---------------------------------------------------------------------------

  @Provide
  Arbitrary<Attempt> apiRequests() {
    return Combinators.combine(
            Arbitraries.of(
                List.of("/v1/calls/%s/transfers", TRANSFER),
                List.of("/v1/calls/%s/participants", ADD),
                List.of("/v1/incoming-calls/%s/redirect", REDIRECT),
                List.of("/v1/emulator/calls", EMULATOR_CALL)),
            callIds(),
            Arbitraries.randoms(),
            headers(true))
        .as(
            (endpoint, call, random, headers) ->
                new Attempt(
                    random.nextInt(20) == 0 ? "PUT" : "POST",
                    String.format(endpoint.get(0), call),
                    "",
                    headers,
                    body(endpoint.get(1), random)));
  }

  @Provide
  Arbitrary<Attempt> callbacks() {
    return Combinators.combine(
            Arbitraries.of(
                List.of("/callbacks/acs", ACS_EVENTS),
                List.of("/callbacks/acs", EVENT_GRID),
                List.of("/callbacks/graph", GRAPH)),
            Arbitraries.randoms(),
            headers(false),
            Arbitraries.of(
                "", "secret=", "secret=wrong-secret-0123456789", "secret=%00", "secret=a&secret=b"))
        .as(
            (endpoint, random, headers, query) -> {
              Map<String, String> callbackHeaders = new java.util.LinkedHashMap<>(headers);
              callbackHeaders.remove("X-API-Key");
              switch (random.nextInt(4)) {
                case 0:
                  callbackHeaders.put("Authorization", "Bearer " + token(random));
                  break;
                case 1:
                  callbackHeaders.put("aeg-event-type", "SubscriptionValidation");
                  break;
                case 2:
                  callbackHeaders.put("Authorization", text(random));
                  break;
                default:
                  break;
              }
              return new Attempt(
                  "POST", endpoint.get(0), query, callbackHeaders, body(endpoint.get(1), random));
            });
  }

  @Provide
  Arbitrary<Attempt> reads() {
    Arbitrary<String> paths =
        Combinators.combine(
                Arbitraries.of(
                    "/v1/operations/%s",
                    "/v1/operations/%s/events",
                    "/v1/operations",
                    "/v1/capabilities",
                    "/v1/incoming-calls",
                    "/v1/emulator",
                    "/v1/calls/%s/participants/invitations/%s",
                    "/v1/%s",
                    "/callbacks/%s"),
                segments(),
                segments())
            .as((pattern, a, b) -> String.format(pattern, a, b));
    Arbitrary<String> queries =
        Combinators.combine(
                Arbitraries.of("limit", "state", "kind", "callId", "cursor", "x", ""),
                Arbitraries.oneOf(
                    Arbitraries.of(
                        "abc",
                        "-1",
                        "0",
                        "501",
                        "50",
                        "1e3",
                        "999999999999",
                        "completed",
                        "IN_PROGRESS",
                        "in-progress",
                        "redirect",
                        "TRANSFER",
                        "%00",
                        "%FF",
                        "%E2%80%AE"),
                    segments()),
                Arbitraries.integers().between(0, 3))
            .as(
                (name, value, repeat) -> {
                  List<String> parts = new ArrayList<>();
                  for (int i = 0; i < repeat; i++) {
                    parts.add(name + "=" + value);
                  }
                  return String.join("&", parts);
                });
    return Combinators.combine(
            Arbitraries.of("GET", "GET", "GET", "DELETE", "HEAD", "OPTIONS", "PATCH"),
            paths,
            queries,
            headers(false))
        .as((method, path, query, headers) -> new Attempt(method, path, query, headers, null));
  }

  private static Arbitrary<String> callIds() {
    return Arbitraries.oneOf(Arbitraries.of("demo-call", "call-1", "fuzz-call"), segments());
  }

  /** Path segments, percent-encoded so that the request line is valid. */
  private static Arbitrary<String> segments() {
    return Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("-_.~")
                .ofMinLength(1)
                .ofMaxLength(300),
            Arbitraries.of(
                "..", ".", "%", "a b", "é", "\u202E", "00000000-0000-0000-0000-000000000000"))
        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  private static Arbitrary<Map<String, String>> headers(boolean json) {
    return Arbitraries.randoms()
        .map(
            random -> {
              Map<String, String> headers = new java.util.LinkedHashMap<>();
              int key = random.nextInt(10);
              if (key < 8) {
                headers.put("X-API-Key", KEY);
              } else if (key == 8) {
                headers.put("X-API-Key", text(random));
              }
              String[] types = {
                "application/json", "application/json", "application/json; charset=utf-8",
                "text/plain", "application/xml", "application/cloudevents-batch+json",
                "multipart/form-data; boundary=x", "garbage", "application/json; charset=latin-7"
              };
              int type = random.nextInt(types.length + 1);
              if (type < types.length && (json || random.nextBoolean())) {
                headers.put("Content-Type", types[type]);
              }
              String[] accepts = {
                "application/json",
                "*/*",
                "text/csv",
                "application/problem+json",
                "text/html",
                "application/json;q=0",
                "nonsense"
              };
              if (random.nextInt(3) == 0) {
                headers.put("Accept", accepts[random.nextInt(accepts.length)]);
              }
              int idempotency = random.nextInt(8);
              if (idempotency == 0) {
                headers.put("Idempotency-Key", "");
              } else if (idempotency == 1) {
                headers.put("Idempotency-Key", text(random));
              } else if (idempotency == 2) {
                headers.put("Idempotency-Key", "key-" + random.nextInt(50));
              }
              if (random.nextInt(6) == 0) {
                headers.put("X-Unexpected-" + random.nextInt(3), text(random));
              }
              return headers;
            });
  }

  /** Header-safe text: visible ASCII and spaces, sometimes long. */
  private static String text(Random random) {
    int length = random.nextInt(10) == 0 ? 300 + random.nextInt(200) : random.nextInt(40);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x5e)));
    }
    return text.toString();
  }

  private static String token(Random random) {
    String[] tokens = {
      "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
      "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vIn0.eyJpc3MiOiJ4In0.c2ln",
      "a.b.c",
      "",
      text(random)
    };
    return tokens[random.nextInt(tokens.length)];
  }

  private static String body(String seed, Random random) {
    switch (random.nextInt(12)) {
      case 0:
        return null;
      case 1:
        return "";
      case 2:
        return "null";
      case 3:
        return JsonMutations.value(random, 3).toString();
      case 4:
        return text(random);
      case 5:
        return seed;
      default:
        return JsonMutations.mutate(seed, random);
    }
  }
}
