package dev.handoff.emulator.internal.acs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AcsIdentifierTest {

  private static AcsIdentifier model(String json) {
    return AcsIdentifier.fromModel(Json.parse(json.getBytes(StandardCharsets.UTF_8)), "target");
  }

  @Test
  void infersTheKindFromTheOneSubObjectWhenKindIsOmitted() {
    AcsIdentifier phone =
        model("{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}");
    assertThat(phone).isEqualTo(new AcsIdentifier.PhoneNumber("+14255550123", false, null));
    assertThat(Json.string(phone.toJson()))
        .isEqualTo(
            "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}");
  }

  @Test
  void rendersTeamsUsersWithCloudAndIsAnonymous() {
    AcsIdentifier teams = model("{\"microsoftTeamsUser\":{\"userId\":\"aad-oid\"}}");
    assertThat(Json.string(teams.toJson()))
        .isEqualTo(
            "{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:orgid:aad-oid\","
                + "\"microsoftTeamsUser\":{\"userId\":\"aad-oid\",\"isAnonymous\":false,\"cloud\":\"public\"}}");
    assertThat(model("{\"microsoftTeamsUser\":{\"userId\":\"u\",\"cloud\":\"gcch\"}}").rawId())
        .isEqualTo("8:gcch:u");
    assertThat(model("{\"microsoftTeamsUser\":{\"userId\":\"u\",\"isAnonymous\":true}}").rawId())
        .isEqualTo("8:teamsvisitor:u");
  }

  @Test
  void computesRawIdsLikeTheCommunicationCommonLibraries() {
    assertThat(model("{\"microsoftTeamsApp\":{\"appId\":\"bot\"}}").rawId())
        .isEqualTo("28:orgid:bot");
    assertThat(
            model(
                    "{\"teamsExtensionUser\":{\"userId\":\"u\",\"tenantId\":\"t\",\"resourceId\":\"r\"}}")
                .rawId())
        .isEqualTo("8:acs:r_t_u");
    assertThat(model("{\"phoneNumber\":{\"value\":\"+1\",\"assertedId\":\"a\"}}").rawId())
        .isEqualTo("4:+1_a");
  }

  @Test
  void parsesRawIdsBack() {
    assertThat(AcsIdentifier.fromRawId("4:+14255550123"))
        .isEqualTo(new AcsIdentifier.PhoneNumber("+14255550123", false, null));
    assertThat(AcsIdentifier.fromRawId("8:acs:res_user"))
        .isEqualTo(new AcsIdentifier.CommunicationUser("8:acs:res_user"));
    assertThat(AcsIdentifier.fromRawId("8:acs:r_t_u"))
        .isEqualTo(new AcsIdentifier.TeamsExtensionUser("u", "t", "r", "public"));
    assertThat(AcsIdentifier.fromRawId("8:dod:x"))
        .isEqualTo(new AcsIdentifier.TeamsUser("x", false, "dod"));
    assertThat(AcsIdentifier.fromRawId("28:gcch:bot"))
        .isEqualTo(new AcsIdentifier.TeamsApp("bot", "gcch"));
    assertThat(AcsIdentifier.fromRawId("4:anonymous"))
        .isEqualTo(new AcsIdentifier.PhoneNumber("anonymous", true, null));
    assertThat(AcsIdentifier.fromRawId("99:other"))
        .isEqualTo(new AcsIdentifier.Unknown("99:other"));
    assertThat(model("{\"rawId\":\"8:orgid:abc\"}"))
        .isEqualTo(new AcsIdentifier.TeamsUser("abc", false, "public"));
  }

  @Test
  void refusesTwoSubObjects() {
    assertThatThrownBy(
            () ->
                model(
                    "{\"phoneNumber\":{\"value\":\"+1\"},\"communicationUser\":{\"id\":\"8:acs:x\"}}"))
        .isInstanceOfSatisfying(
            AcsException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("8523");
              assertThat(e.getMessage()).contains("'target'").contains("exactly one");
            });
  }

  @Test
  void refusesAKindThatDoesNotMatchTheSubObject() {
    assertThatThrownBy(
            () -> model("{\"kind\":\"communicationUser\",\"phoneNumber\":{\"value\":\"+1\"}}"))
        .isInstanceOf(AcsException.class)
        .hasMessageContaining(
            "'target.kind' is 'communicationUser' but the identifier object is 'phoneNumber'");
    assertThatThrownBy(() -> model("{\"kind\":\"phoneNumber\",\"rawId\":\"4:+1\"}"))
        .hasMessageContaining("has kind 'phoneNumber' but no 'phoneNumber' object");
  }

  @Test
  void refusesARawIdThatContradictsTheSubObject() {
    assertThatThrownBy(() -> model("{\"rawId\":\"4:+2\",\"phoneNumber\":{\"value\":\"+1\"}}"))
        .hasMessageContaining("'target.rawId' is '4:+2' but the identifier's raw id is '4:+1'");
  }

  @Test
  void refusesAnIdentifierWithNothingInIt() {
    assertThatThrownBy(() -> model("{}"))
        .hasMessageContaining("needs an identifier object or a rawId");
  }
}
