package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.service.HandoffService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a Graph call may end after a transfer was requested, through the parser and the
 * application service: each transfer ends COMPLETED or FAILED, never waits for its deadline.
 */
class TransferEndingsTest {
  private static final String CALL = "341a0500-d4bf-4224-8b19-1581168d328b";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final TeamsUser TARGET = TeamsUser.of("550fae72-d251-43ec-868c-373732c2704f");
  private static final PhoneNumber CALLER = PhoneNumber.of("+14255550100");

  private final GraphNotificationParser parser = GraphNotificationParser.builder().build();
  private LocalServer graph;
  private HandoffService service;

  @BeforeEach
  void start() {
    graph = LocalServer.start().reply(Reply.status(202));
    service =
        HandoffService.builder(
                Fixtures.control(
                    graph.baseUrl(), GraphApiVersion.V1_0, Fixtures.fastOptions().build()),
                new InMemoryOperationStore(),
                new InMemoryOperationChangeBus())
            .build();
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  private static String item(String changeType, String resourceData) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\""
        + changeType
        + "\",\"resourceUrl\":\"/communications/calls/"
        + CALL
        + "\",\"resourceData\":"
        + resourceData
        + "}";
  }

  private static String batch(String... items) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":["
        + String.join(",", items)
        + "]}";
  }

  private static String state(String state) {
    return item(
        "updated", "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"" + state + "\"}");
  }

  private Operation transfer(CallTransfer command) {
    return service.transfer(command, SubmitOptions.none());
  }

  private Operation stored(Operation operation) {
    return service.find(operation.id()).orElseThrow();
  }

  private Operation acceptedBlindTransfer() {
    Operation operation = transfer(CallTransfer.builder(CALL, TARGET).build());
    service.record(parser.parse(batch(state("transferring"), state("transferAccepted"))));
    assertThat(stored(operation).state()).isEqualTo(OperationState.ACCEPTED);
    return operation;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the seed's blind completion, 0/7015|{\"state\":\"terminated\",\"resultInfo\":{\"code\":0,"
            + "\"subcode\":7015,\"message\":\"GracefulTransferCompleted\"}}",
        "the call-delete table's completion, 200/7015|{\"state\":\"terminated\",\"resultInfo\":"
            + "{\"code\":\"200\",\"subcode\":\"7015\"}}",
        "the consultative completion, AppTransferred|{\"state\":\"terminated\","
            + "\"terminationReason\":\"AppTransferred\"}",
        "another ordinary end code, 200/5001|{\"state\":\"terminated\",\"resultInfo\":"
            + "{\"code\":\"200\",\"subcode\":\"5001\",\"message\":\"The conversation has ended.\"}}",
        "no resultInfo|{\"state\":\"terminated\"}",
        "another termination reason without a result|{\"state\":\"terminated\","
            + "\"terminationReason\":\"CallTerminated\"}",
        "deleted without a state|{\"id\":\"" + CALL + "\"}",
      })
  void aTransferTheTargetAcceptedCompletesWhenTheCallEndsWithoutAnError(
      String shape, String resourceData) {
    Operation operation = acceptedBlindTransfer();

    service.record(parser.parse(batch(item("deleted", resourceData))));

    assertThat(stored(operation).state()).as(shape).isEqualTo(OperationState.COMPLETED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "500/7106 CallTerminated|{\"state\":\"terminated\",\"terminationReason\":\"CallTerminated\","
            + "\"resultInfo\":{\"code\":500,\"subcode\":7106,\"message\":\"Server Internal Error."
            + " DiagCode: 3003#7106\"}}|PROVIDER_ERROR",
        "408/8537 keep-alive time-out|{\"state\":\"terminated\",\"resultInfo\":{\"code\":408,"
            + "\"subcode\":8537}}|TIMEOUT",
        "410/301005 media failure, subCode spelling|{\"state\":\"terminated\",\"resultInfo\":"
            + "{\"code\":410,\"subCode\":301005}}|PROVIDER_ERROR",
      })
  void aCallThatEndsInErrorFailsTheTransferWithTheTablesReason(
      String shape, String resourceData, FailureReason reason) {
    Operation operation = acceptedBlindTransfer();

    service.record(parser.parse(batch(item("deleted", resourceData))));

    Operation failed = stored(operation);
    assertThat(failed.state()).as(shape).isEqualTo(OperationState.FAILED);
    Failure failure = failed.failure().orElseThrow();
    assertThat(failure.reason()).as(shape).isEqualTo(reason);
    assertThat(failure.retryable()).as("the call is gone").isFalse();
  }

  @Test
  void aTransferNotYetAcceptedIsUnknownAtOnceWhenTheCallEnds() {
    Operation operation = transfer(CallTransfer.builder(CALL, TARGET).build());
    service.record(parser.parse(batch(state("transferring"))));

    service.record(
        parser.parse(
            batch(
                item(
                    "deleted",
                    "{\"state\":\"terminated\",\"resultInfo\":{\"code\":200,\"subcode\":4521,"
                        + "\"message\":\"Call ended by the other participant.\"}}"))));

    Operation ended = stored(operation);
    assertThat(ended.state())
        .as("the end alone does not say whether the target took the call")
        .isEqualTo(OperationState.UNKNOWN);
    assertThat(ended.failure().orElseThrow().evidence().subCode()).contains("4521");
    assertThat(ended.deadline()).isAfter(ended.updatedAt());
  }

  @Test
  void aFailedBlindTransferIsUnreachableAndRetryableWhileTheCallStays() {
    Operation operation = transfer(CallTransfer.builder(CALL, TARGET).build());
    service.record(
        parser.parse(
            batch(
                state("transferring"),
                item(
                    "updated",
                    "{\"state\":\"established\",\"resultInfo\":{\"code\":500,\"subCode\":7000,"
                        + "\"message\":\"<message>\"}}"))));

    Operation failed = stored(operation);
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.UNREACHABLE);
    assertThat(failed.failure().orElseThrow().retryable()).isTrue();
  }

  @Test
  void aGroupTransferCompletesOnTheSeedsTermination() {
    Operation operation =
        transfer(
            CallTransfer.builder(CALL, TARGET).transferee(Transferee.of(CALLER, "p-1")).build());

    service.record(
        parser.parse(
            batch(
                state("transferring"),
                state("transferAccepted"),
                item(
                    "deleted",
                    "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\","
                        + "\"resultInfo\":{\"@odata.type\":\"#microsoft.graph.resultInfo\","
                        + "\"code\":0,\"subcode\":7015,\"message\":\"GracefulTransferCompleted\"}}"))));

    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aGroupTransferCompletesWhenTheRosterNoLongerHoldsTheTransferee() {
    Operation operation =
        transfer(
            CallTransfer.builder(CALL, TARGET).transferee(Transferee.of(CALLER, "p-1")).build());
    String roster =
        "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
            + "\"resourceUrl\":\"/communications/calls/"
            + CALL
            + "/participants\",\"resourceData\":[{\"@odata.type\":\"#microsoft.graph.participant\","
            + "\"id\":\"bot-leg\",\"info\":{\"identity\":{\"application\":{\"id\":\"bot-app\"}}}},"
            + "{\"@odata.type\":\"#microsoft.graph.participant\",\"id\":\"p-2\",\"info\":"
            + "{\"identity\":{\"user\":{\"id\":\"u-2\",\"tenantId\":\""
            + TENANT
            + "\"}}}}]}";

    service.record(
        parser.parse(
            batch(state("transferring"), state("transferAccepted"), state("established"))));
    assertThat(stored(operation).state())
        .as("back to established, without an error, before the roster")
        .isEqualTo(OperationState.ACCEPTED);
    service.record(parser.parse(batch(roster)));

    assertThat(stored(operation).state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aPlainHangUpReportsNoRedirect() {
    String published =
        batch(
            item(
                "deleted",
                "{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\","
                    + "\"resultInfo\":{\"@odata.type\":\"#microsoft.graph.resultInfo\","
                    + "\"code\":\"200\",\"subcode\":\"5001\","
                    + "\"message\":\"The conversation has ended.\"}}"));

    List<ProviderEvent> events = parser.parse(published);

    assertThat(events).hasSize(1);
    assertThat(events).noneMatch(OperationUpdate.class::isInstance);
    CallLifecycleEvent ended = (CallLifecycleEvent) events.get(0);
    assertThat(ended.change()).isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
    assertThat(ended.failure()).as("200/5001 is an ordinary end").isEmpty();
    assertThat(service.record(events).outcomes())
        .extracting(EventOutcome::result)
        .containsExactly(EventOutcome.Result.UNMATCHED);
    assertThat(
            parser.parse(published).stream()
                .filter(OperationUpdate.class::isInstance)
                .map(e -> ((OperationUpdate) e).scope()))
        .doesNotContain(OperationKind.REDIRECT);
  }
}
