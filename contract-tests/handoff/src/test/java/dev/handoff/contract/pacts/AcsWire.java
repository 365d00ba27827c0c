package dev.handoff.contract.pacts;

import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithState;

/**
 * The request and response framing every ACS interaction shares: path, api-version, content type,
 * the HMAC headers and the repeatability and client request ids, matched by form because their
 * values change with every request.
 */
final class AcsWire {
  static final String API_VERSION = "2026-03-12";
  static final String UUID_REGEX =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  static final String HTTP_DATE_REGEX =
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
  static final String BASE64_SHA256_REGEX = "[A-Za-z0-9+/]{43}=";
  static final String AUTHORIZATION_REGEX =
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
          + BASE64_SHA256_REGEX;
  static final String JSON_REGEX = "application/json.*";

  static final String EXAMPLE_DATE = "Mon, 23 Nov 2026 12:00:00 GMT";
  static final String EXAMPLE_HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  static final String EXAMPLE_SIGNATURE = "cGFjdC1leGFtcGxlLXNpZ25hdHVyZS1ub3QtcmVhbC0=";

  private AcsWire() {}

  /**
   * A signed, repeatable POST to a call connection's action, the call id from the provider state.
   *
   * @param state the interaction so far
   * @param description what the request does
   * @param action the path after the call id, e.g. {@code :transferToParticipant}
   * @param exampleCallId the call id the consumer test uses
   */
  static PactDslRequestWithPath onCall(
      PactDslWithState state, String description, String action, String exampleCallId) {
    return signed(
        state
            .uponReceiving(description)
            .pathFromProviderState(
                "/calling/callConnections/${callConnectionId}" + action,
                "/calling/callConnections/" + exampleCallId + action));
  }

  /** A signed, repeatable POST to a fixed path. */
  static PactDslRequestWithPath at(PactDslWithState state, String description, String path) {
    return signed(state.uponReceiving(description).path(path));
  }

  /**
   * A signed request to a call connection without repeatability headers: the spec gives none to
   * hold, unhold, play, hang-up (DELETE) and the participant list (GET).
   *
   * @param state the interaction so far
   * @param description what the request does
   * @param method POST, GET or DELETE
   * @param action the path after the call id, e.g. {@code :hold}; empty for the call itself
   * @param exampleCallId the call id the consumer test uses
   */
  static PactDslRequestWithPath onCallOnce(
      PactDslWithState state,
      String description,
      String method,
      String action,
      String exampleCallId) {
    PactDslRequestWithPath request =
        state
            .uponReceiving(description)
            .pathFromProviderState(
                "/calling/callConnections/${callConnectionId}" + action,
                "/calling/callConnections/" + exampleCallId + action)
            .method(method)
            .query("api-version=" + API_VERSION);
    request =
        "POST".equals(method)
            ? request.headers("Content-Type", "application/json", "Accept", "application/json")
            : request.headers("Accept", "application/json");
    return authenticated(request);
  }

  private static PactDslRequestWithPath signed(PactDslRequestWithPath request) {
    return authenticated(
            request
                .method("POST")
                .query("api-version=" + API_VERSION)
                .headers("Content-Type", "application/json", "Accept", "application/json"))
        .matchHeader("Repeatability-Request-ID", UUID_REGEX, "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        .matchHeader("Repeatability-First-Sent", HTTP_DATE_REGEX, EXAMPLE_DATE);
  }

  private static PactDslRequestWithPath authenticated(PactDslRequestWithPath request) {
    return request
        .matchHeader("Authorization", AUTHORIZATION_REGEX, signatureExample())
        .matchHeader("x-ms-date", HTTP_DATE_REGEX, EXAMPLE_DATE)
        .matchHeader("x-ms-content-sha256", BASE64_SHA256_REGEX, EXAMPLE_HASH)
        .matchHeader("x-ms-client-request-id", UUID_REGEX, "0f8fad5b-d9cb-469f-a165-70867728950e");
  }

  private static String signatureExample() {
    return "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
        + EXAMPLE_SIGNATURE;
  }

  /** A JSON answer with the given status. */
  static PactDslResponse json(PactDslRequestWithPath request, int status) {
    return request
        .willRespondWith()
        .status(status)
        .matchHeader("Content-Type", JSON_REGEX, "application/json; charset=utf-8");
  }

  /** ACS's error shape: {@code {"error":{"code","message"}}}, the code exact. */
  static String error(String code, String message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
  }
}
