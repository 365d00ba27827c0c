package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resource URL shapes Graph has used. */
class ResourcePathTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/communications/calls/c-1, c-1, CALL, ",
    "/app/calls/c-1, c-1, CALL, ",
    "/applications/app-1/calls/c-1, c-1, CALL, ",
    "/v1.0/communications/calls/c-1/, c-1, CALL, ",
    "https://graph.microsoft.com/beta/communications/calls/c-1?x=y, c-1, CALL, ",
    "/communications/calls/c-1/operations/op-1, c-1, OPERATION, op-1",
    "/communications/calls/c-1/operations/participants, c-1, OPERATION, participants",
    "/communications/calls/c-1/participants, c-1, PARTICIPANTS, ",
    "/communications/calls/c-1/participants/p-1, c-1, PARTICIPANTS, p-1",
    "/communications/calls/c-1/audioRoutingGroups/g, c-1, OTHER, g",
    "/communications/calls/a%2Fb+c, a/b+c, CALL, ",
    "/communications/onlineMeetings/m-1, , NONE, ",
    "/communications/calls, , NONE, ",
  })
  void parses(String url, String callId, ResourcePath.Kind kind, String subId) {
    ResourcePath path = ResourcePath.parse(url);

    assertThat(path.callId()).isEqualTo(Optional.ofNullable(callId));
    assertThat(path.kind()).isEqualTo(kind);
    assertThat(path.subId()).isEqualTo(Optional.ofNullable(subId));
  }
}
