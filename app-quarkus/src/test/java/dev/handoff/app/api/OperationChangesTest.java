package dev.handoff.app.api;

import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/operations/events}: every operation's changes, filtered; the list by provider. */
@QuarkusTest
@TestProfile(FakeProviderProfile.class)
class OperationChangesTest {
  @Inject HandoffService service;
  @Inject FakeProvider provider;

  @TestHTTPResource("/v1/operations/events")
  URI events;

  private static String transfer(String call) {
    return client()
        .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
        .post("/v1/calls/{call}/transfers", call)
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private void complete(String call) {
    service.record(
        List.of(
            new OperationUpdate(
                new EventMeta(FakeProvider.ID, "done-" + call, "Fake.COMPLETED", Instant.now()),
                call,
                OperationKind.TRANSFER,
                Progress.COMPLETED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                null)));
  }

  @Test
  void theStreamSaysWhenItListensThenCarriesEveryMatchingChange() throws Exception {
    provider.reset();
    String call = "call-" + UUID.randomUUID();
    URI filtered = URI.create(events + "?kind=transfer&callId=" + call + "&provider=fake");
    try (SseClient stream = new SseClient(filtered, "test-key-1")) {
      SseClient.Event subscribed = stream.next(Duration.ofSeconds(10));
      assertThat(subscribed.name()).isEqualTo("subscribed");
      assertThat(subscribed.data())
          .isEqualTo("{\"kind\":\"TRANSFER\",\"callId\":\"" + call + "\",\"provider\":\"fake\"}");

      client()
          .body("{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550199\"}}")
          .post("/v1/calls/{call}/participants", call)
          .then()
          .statusCode(202);
      transfer("another-" + call);
      String id = transfer(call);
      complete(call);

      List<SseClient.Event> changes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        changes.add(stream.next(Duration.ofSeconds(10)));
      }
      assertThat(changes).extracting(SseClient.Event::name).containsOnly("operation");
      assertThat(changes)
          .extracting(SseClient.Event::id)
          .containsExactly(id + ":1", id + ":2", id + ":3");
      assertThat(changes.get(0).data()).contains("\"state\":\"REQUESTED\"");
      assertThat(changes.get(1).data()).contains("\"state\":\"SUBMITTED\"");
      assertThat(changes.get(2).data()).contains("\"state\":\"COMPLETED\"");
    }
  }

  @Test
  void aStateFilterPassesOnlyTheChangesThatLeaveAnOperationInThatState() throws Exception {
    provider.reset();
    String call = "call-" + UUID.randomUUID();
    try (SseClient stream =
        new SseClient(URI.create(events + "?state=COMPLETED&callId=" + call), "test-key-1")) {
      assertThat(stream.next(Duration.ofSeconds(10)).name()).isEqualTo("subscribed");
      String id = transfer(call);
      complete(call);
      SseClient.Event only = stream.next(Duration.ofSeconds(10));
      assertThat(only.id()).isEqualTo(id + ":3");
      assertThat(only.data()).contains("\"state\":\"COMPLETED\"");
    }
  }

  @Test
  void badFiltersAreRefusedNamingEachParameter() {
    given()
        .header("X-API-Key", "test-key-1")
        .get("/v1/operations/events?state=DONE&kind=CALL&provider=Not%20A%20Provider")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:handoff:problem:invalid-request"))
        .body("violations.field", containsInAnyOrder("state", "kind", "provider"));
  }

  @Test
  void theStreamNeedsACredential() {
    given()
        .get("/v1/operations/events")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void theListIsFilteredByProvider() {
    provider.reset();
    String call = "call-" + UUID.randomUUID();
    String id = transfer(call);
    client()
        .get("/v1/operations?callId={call}&provider=fake", call)
        .then()
        .statusCode(200)
        .body("items.id", contains(id));
    client()
        .get("/v1/operations?callId={call}&provider=acs", call)
        .then()
        .statusCode(200)
        .body("items", empty());
    client()
        .get("/v1/operations?provider=ACS")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("provider"));
  }
}
