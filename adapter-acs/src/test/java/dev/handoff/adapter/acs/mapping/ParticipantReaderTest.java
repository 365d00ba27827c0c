package dev.handoff.adapter.acs.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipantReaderTest {

  @Test
  void readsEveryKindWithOrWithoutKind() {
    assertThat(
            read(
                "{\"kind\":\"communicationUser\",\"rawId\":\"8:acs:r_u\",\"communicationUser\":{\"id\":\"8:acs:r_u\"}}"))
        .isEqualTo(AcsUser.of("8:acs:r_u"));
    assertThat(read("{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}"))
        .isEqualTo(PhoneNumber.of("+14255550123"));
    assertThat(read("{\"phoneNumber\":{\"value\":\"anonymous\",\"isAnonymous\":true}}"))
        .isEqualTo(PhoneNumber.anonymousCaller());
    assertThat(read("{\"phoneNumber\":{\"value\":\"+14255550123\",\"assertedId\":\"x9\"}}"))
        .isEqualTo(PhoneNumber.of("+14255550123").withAssertedId("x9"));
    assertThat(
            read(
                "{\"microsoftTeamsUser\":{\"userId\":\"oid\",\"isAnonymous\":false,\"cloud\":\"dod\"}}"))
        .isEqualTo(TeamsUser.of("oid").withCloud(Cloud.DOD));
    assertThat(read("{\"microsoftTeamsUser\":{\"userId\":\"v1\",\"isAnonymous\":true}}"))
        .isEqualTo(TeamsUser.anonymousVisitor("v1"));
    assertThat(read("{\"kind\":\"microsoftTeamsApp\",\"microsoftTeamsApp\":{\"appId\":\"app\"}}"))
        .isEqualTo(TeamsApp.bot("app"));
    assertThat(
            read(
                "{\"teamsExtensionUser\":{\"userId\":\"u\",\"tenantId\":\"t\",\"resourceId\":\"r\",\"cloud\":\"gcch\"}}"))
        .isEqualTo(new TeamsExtensionUser("u", "t", "r", Cloud.GCCH, java.util.Optional.empty()));
  }

  @Test
  void readsTheRawIdWhenThereIsNoSubObject() {
    assertThat(read("{\"rawId\":\"4:+14255550123\"}")).isEqualTo(PhoneNumber.of("+14255550123"));
    assertThat(read("{\"kind\":\"microsoftTeamsApp\",\"rawId\":\"28:orgid:app\"}"))
        .isEqualTo(TeamsApp.bot("app"));
    assertThat(read("{\"kind\":\"unknown\",\"rawId\":\"99:x\"}"))
        .isEqualTo(new RawParticipant("99:x"));
    assertThat(read("{\"kind\":\"someFutureKind\",\"rawId\":\"8:orgid:oid\"}"))
        .isEqualTo(TeamsUser.of("oid"));
  }

  @Test
  void letsTheRawIdDecideWhenTheSubObjectIsNotAValidParticipant() {
    assertThat(read("{\"rawId\":\"4:+12\",\"phoneNumber\":{\"value\":\"+12\"}}"))
        .isEqualTo(new RawParticipant("4:+12"));
  }

  @Test
  void refusesMalformedIdentifiers() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"phoneNumber\":{\"value\":\"+14255550123\"},\"communicationUser\":{\"id\":\"8:acs:r_u\"}}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("p: carries more than one identifier sub-object");
    assertThatThrownBy(
            () -> read("{\"kind\":\"phoneNumber\",\"communicationUser\":{\"id\":\"8:acs:r_u\"}}"))
        .hasMessageContaining(
            "p.kind: is 'phoneNumber' but the identifier carries 'communicationUser'");
    assertThatThrownBy(() -> read("{\"kind\":\"phoneNumber\"}"))
        .hasMessageContaining("p: has neither an identifier sub-object nor a rawId");
    assertThatThrownBy(() -> read("{\"phoneNumber\":{\"value\":\"12\"}}"))
        .hasMessageContaining("p.phoneNumber: is not a valid identifier");
    assertThatThrownBy(() -> ParticipantReader.read(null, "p")).hasMessage("p: is missing");
  }

  @Test
  void readsBackWhatTheMapperWrites() {
    for (Participant participant :
        List.<Participant>of(
            AcsUser.of("8:acs:r_u"),
            PhoneNumber.of("+14255550123").withAssertedId("a"),
            TeamsUser.anonymousVisitor("v"),
            TeamsApp.bot("b").withCloud(Cloud.GCCH),
            TeamsExtensionUser.of("u", "t", "r"),
            new RawParticipant("99:x"))) {
      CommunicationIdentifierModel model =
          AcsRequestMapper.INSTANCE.identifier(participant, WireStyle.DEFAULT);
      assertThat(ParticipantReader.read(model, "p")).isEqualTo(participant);
    }
  }

  private static Participant read(String json) {
    try {
      return ParticipantReader.read(
          AcsJson.mapper().readValue(json, CommunicationIdentifierModel.class), "p");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
