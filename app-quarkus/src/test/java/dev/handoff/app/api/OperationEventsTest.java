package dev.handoff.app.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.testing.FakeProvider;
import dev.handoff.app.testing.FakeProviderProfile;
import dev.handoff.app.testing.SseClient;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.ports.service.HandoffService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class OperationEventsTest {
  @Inject HandoffService service;
  @Inject FakeProvider provider;

  @TestHTTPResource("/v1/operations/")
  URI operations;

  private OperationUpdate event(String call, String id, Progress progress) {
    return new OperationUpdate(
        new EventMeta(FakeProvider.ID, id, "Fake." + progress, Instant.now()),
        call,
        OperationKind.TRANSFER,
        progress,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        null);
  }

  @Test
  void theStreamDeliversTheCurrentStateThenEveryChangeUntilTheEnd() throws Exception {
    provider.reset();
    String call = "call-" + UUID.randomUUID();
    String id =
        given()
            .header("X-API-Key", "test-key-1")
            .contentType(ContentType.JSON)
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    try (SseClient stream = new SseClient(operations.resolve(id + "/events"), "test-key-1")) {
      SseClient.Event first = stream.next(Duration.ofSeconds(10));
      assertThat(first.name()).isEqualTo("operation");
      assertThat(first.id()).isEqualTo("2");
      assertThat(first.data()).contains("\"state\":\"SUBMITTED\"");

      service.record(List.of(event(call, "e1", Progress.IN_PROGRESS)));
      service.record(List.of(event(call, "e1", Progress.IN_PROGRESS)));
      service.record(List.of(event(call, "e2", Progress.COMPLETED)));

      List<SseClient.Event> rest = new ArrayList<>();
      rest.add(stream.next(Duration.ofSeconds(10)));
      rest.addAll(stream.awaitEnd(Duration.ofSeconds(10)));
      assertThat(rest).extracting(SseClient.Event::id).containsExactly("3", "4");
      assertThat(rest.get(0).data()).contains("\"state\":\"IN_PROGRESS\"");
      assertThat(rest.get(1).data())
          .contains("\"state\":\"COMPLETED\"")
          .contains("\"what\":\"Fake.COMPLETED\"");
    }
  }

  @Test
  void aStreamOfAFinishedOperationDeliversItOnceAndEnds() throws Exception {
    provider.reset();
    String call = "call-" + UUID.randomUUID();
    String id =
        given()
            .header("X-API-Key", "test-key-1")
            .contentType(ContentType.JSON)
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .extract()
            .path("id");
    service.record(List.of(event(call, "done", Progress.COMPLETED)));
    try (SseClient stream = new SseClient(operations.resolve(id + "/events"), "test-key-1")) {
      List<SseClient.Event> all = new ArrayList<>();
      all.add(stream.next(Duration.ofSeconds(10)));
      all.addAll(stream.awaitEnd(Duration.ofSeconds(10)));
      assertThat(all).singleElement().satisfies(e -> assertThat(e.data()).contains("COMPLETED"));
    }
  }
}
