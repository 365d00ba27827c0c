package dev.handoff.app.observability;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.handoff.app.testing.TracingProfile;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Health, metrics and tracing of a transfer through the embedded emulator. */
@QuarkusTest
@TestProfile(TracingProfile.class)
class ObservabilityTest {
  @Inject InMemorySpanExporter spans;

  @Test
  void readinessReportsTheProviderAndTheStore() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("provider", "operation-store"))
        .body("checks.find { it.name == 'provider' }.data.provider", equalTo("emulator"));
  }

  @Test
  void aTransferIsTracedWithTheProvidersCorrelationIdsAndCounted() throws Exception {
    String call =
        client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
    String id =
        client()
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    String requestId =
        awaitState(id, "COMPLETED").getString("references.'Repeatability-Request-ID'");

    SpanData span = awaitSpan(id);
    assertThat(span.getName()).isEqualTo("handoff.provider.transfer");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("handoff.call.id"))).isEqualTo(call);
    assertThat(
            span.getAttributes()
                .get(AttributeKey.stringKey("handoff.provider.ref.Repeatability-Request-ID")))
        .isEqualTo(requestId);
    assertThat(
            span.getAttributes()
                .get(AttributeKey.stringKey("handoff.provider.ref.X-Microsoft-Skype-Chain-ID")))
        .isNotBlank();

    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "handoff_operations_transitions_total{kind=\"transfer\",provider=\"acs\",reason=\"none\",state=\"completed\"}"))
        .body(containsString("handoff_callbacks_received_total{provider=\"acs\"}"))
        .body(
            containsString(
                "handoff_provider_requests_seconds_count{kind=\"transfer\",outcome=\"accepted\",provider=\"acs\"}"));
  }

  private SpanData awaitSpan(String operationId) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      List<SpanData> finished = spans.getFinishedSpanItems();
      Optional<SpanData> found =
          finished.stream()
              .filter(
                  s ->
                      operationId.equals(
                          s.getAttributes().get(AttributeKey.stringKey("handoff.operation.id"))))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no span for operation " + operationId);
  }
}
