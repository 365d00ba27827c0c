package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.adapter.graph.support.RawServer;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.service.HandoffService;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter under the application service: submissions, then notifications, drive operations to
 * their final state; an ambiguous submission becomes UNKNOWN and the notifications decide it.
 */
class HandoffServiceWithGraphTest {
  private static final String CALL = "call-1";

  private final GraphNotificationParser parser = GraphNotificationParser.builder().build();
  private LocalServer graph;
  private RawServer silent;

  @AfterEach
  void stop() {
    if (graph != null) {
      graph.close();
    }
    if (silent != null) {
      silent.close();
    }
  }

  private static HandoffService service(URI base, Duration attemptTimeout) {
    GraphCallControl control =
        Fixtures.control(
            base,
            GraphApiVersion.V1_0,
            Fixtures.fastOptions().attemptTimeout(attemptTimeout).build());
    return HandoffService.builder(
            control, new InMemoryOperationStore(), new InMemoryOperationChangeBus())
        .build();
  }

  private static String call(String changeType, String resourceData) {
    return "{\"value\":[{\"changeType\":\""
        + changeType
        + "\",\"resourceUrl\":\"/communications/calls/"
        + CALL
        + "\",\"resourceData\":"
        + resourceData
        + "}]}";
  }

  @Test
  void aBlindTransferIsCompletedByItsNotificationsAndRedeliveryIsRecognised() {
    graph = LocalServer.start().reply(Reply.status(202));
    HandoffService service = service(graph.baseUrl(), Duration.ofSeconds(5));

    Operation submitted =
        service.transfer(
            CallTransfer.builder(CALL, TeamsUser.of("u-1")).build(), SubmitOptions.none());
    assertThat(submitted.state()).isEqualTo(OperationState.SUBMITTED);

    service.record(parser.parse(call("updated", "{\"state\":\"transferring\"}")));
    service.record(parser.parse(call("updated", "{\"state\":\"transferAccepted\"}")));
    String completion =
        call("deleted", "{\"state\":\"terminated\",\"resultInfo\":{\"code\":0,\"subcode\":7015}}");
    EventReport report = service.record(parser.parse(completion));

    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .first()
        .isEqualTo(EventOutcome.Result.APPLIED);
    assertThat(service.find(submitted.id()).orElseThrow().state())
        .isEqualTo(OperationState.COMPLETED);
    assertThat(service.record(parser.parse(completion)).outcomes())
        .extracting(EventOutcome::result)
        .first()
        .isEqualTo(EventOutcome.Result.DUPLICATE);
  }

  @Test
  void anAmbiguousSubmissionIsUnknownUntilTheNotificationsDecide() {
    silent = RawServer.start(RawServer.Behaviour.SILENT);
    HandoffService service = service(silent.baseUrl(), Duration.ofMillis(300));

    Operation unknown =
        service.transfer(
            CallTransfer.builder(CALL, TeamsUser.of("u-1")).build(), SubmitOptions.none());
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(silent.requestCount()).isEqualTo(1);

    service.record(
        parser.parse(
            call(
                "deleted", "{\"state\":\"terminated\",\"terminationReason\":\"AppTransferred\"}")));

    assertThat(service.find(unknown.id()).orElseThrow().state())
        .isEqualTo(OperationState.COMPLETED);
    assertThat(silent.requestCount()).isEqualTo(1);
  }

  @Test
  void anInviteIsMatchedByItsClientContextAndCompleted() {
    graph =
        LocalServer.start()
            .handler(
                request ->
                    Reply.json(
                        200,
                        "{\"id\":\"op-1\",\"status\":\"Running\",\"clientContext\":"
                            + dev.handoff.adapter.graph.support.Json.tree(request.body())
                                .get("clientContext")
                            + "}"));
    HandoffService service = service(graph.baseUrl(), Duration.ofSeconds(5));

    Operation submitted =
        service.addParticipant(
            AddParticipant.builder(CALL, TeamsUser.of("u-2")).operationContext("my-invite").build(),
            SubmitOptions.none());
    assertThat(submitted.invitationId()).hasValue("op-1");
    assertThat(
            dev.handoff.adapter.graph.support.Json.tree(graph.requests().get(0).body())
                .get("clientContext")
                .asText())
        .isEqualTo("my-invite");

    service.record(
        parser.parse(
            "{\"value\":[{\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/"
                + CALL
                + "/operations/op-1\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\","
                + "\"id\":\"op-1\",\"status\":\"completed\",\"clientContext\":\"my-invite\"}}]}"));

    assertThat(service.find(submitted.id()).orElseThrow().state())
        .isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aRedirectIsCompletedWhenTheIncomingCallEnds() {
    graph = LocalServer.start().reply(Reply.status(202));
    HandoffService service = service(graph.baseUrl(), Duration.ofSeconds(5));

    Operation submitted =
        service.redirect(
            RedirectCall.builder(CALL, CALL, List.of(TeamsUser.of("u-3"))).build(),
            SubmitOptions.none());

    EventReport report =
        service.record(
            parser.parse(call("deleted", "{\"state\":\"terminated\",\"direction\":\"incoming\"}")));

    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.APPLIED, EventOutcome.Result.UNMATCHED);
    assertThat(service.find(submitted.id()).orElseThrow().state())
        .isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aRedirectIsAlsoCompletedByAnEndWithoutTheRedirectShape() {
    graph = LocalServer.start().reply(Reply.status(202));
    HandoffService service = service(graph.baseUrl(), Duration.ofSeconds(5));
    Operation submitted =
        service.redirect(
            RedirectCall.builder(CALL, CALL, List.of(TeamsUser.of("u-3"))).build(),
            SubmitOptions.none());

    EventReport report =
        service.record(parser.parse(call("deleted", "{\"state\":\"terminated\"}")));

    assertThat(report.outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.APPLIED);
    assertThat(service.find(submitted.id()).orElseThrow().state())
        .isEqualTo(OperationState.COMPLETED);
  }
}
