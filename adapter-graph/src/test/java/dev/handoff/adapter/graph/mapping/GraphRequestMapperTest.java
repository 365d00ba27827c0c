package dev.handoff.adapter.graph.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.graph.wire.GraphIdentitySet;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.adapter.graph.wire.TransferRequest;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The MapStruct mapper on its own: every participant type, and nothing unmapped. */
class GraphRequestMapperTest {
  private static final GraphRequestMapper MAPPER = GraphRequestMapper.INSTANCE;

  /** One instance of every permitted participant type. */
  private static final Map<Class<?>, Participant> SAMPLES =
      Map.of(
          TeamsUser.class, TeamsUser.of("u-1"),
          TeamsApp.class, TeamsApp.bot("app-1"),
          PhoneNumber.class, PhoneNumber.of("+14255550100"),
          AcsUser.class, AcsUser.of("8:acs:res_user"),
          TeamsExtensionUser.class, TeamsExtensionUser.of("user", "tenant", "res"),
          RawParticipant.class, new RawParticipant("99:x"));

  private static final List<ParticipantKind> ADDRESSABLE =
      List.of(ParticipantKind.TEAMS_USER, ParticipantKind.TEAMS_APP, ParticipantKind.PHONE_NUMBER);

  @Test
  void everyPermittedParticipantTypeIsEitherMappedOrRefusedByName() {
    assertThat(
            Arrays.stream(Participant.class.getPermittedSubclasses()).collect(Collectors.toSet()))
        .as("a new participant type needs a decision in GraphRequestMapper.identitySet")
        .isEqualTo(SAMPLES.keySet());
    for (Participant participant : SAMPLES.values()) {
      if (ADDRESSABLE.contains(participant.kind())) {
        GraphIdentitySet set = MAPPER.identitySet(participant);
        assertThat(
                Arrays.asList(set.user(), set.application(), set.applicationInstance(), set.phone())
                    .stream()
                    .filter(java.util.Objects::nonNull))
            .hasSize(1);
      } else {
        assertThatThrownBy(() -> MAPPER.identitySet(participant))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Microsoft Graph cannot address " + participant.kind() + " participants");
      }
    }
  }

  @Test
  void readOnlyMembersAreNeverFilled() throws Exception {
    TransferRequest request =
        MAPPER.transferRequest(
            CallTransfer.builder(
                    "c", TeamsApp.resourceAccount("ra").withTenantId("t").withDisplayName("Q"))
                .transferee(PhoneNumber.of("+14255550100"))
                .build());

    String json = GraphJson.mapper().writeValueAsString(request);

    assertThat(json)
        .isEqualTo(
            "{\"transferTarget\":{\"identity\":{\"@odata.type\":\"#microsoft.graph.communicationsIdentitySet\","
                + "\"applicationInstance\":{\"id\":\"ra\",\"displayName\":\"Q\",\"tenantId\":\"t\"}}},"
                + "\"transferee\":{\"identity\":{\"@odata.type\":\"#microsoft.graph.communicationsIdentitySet\","
                + "\"phone\":{\"id\":\"+14255550100\"}}}}");
  }
}
