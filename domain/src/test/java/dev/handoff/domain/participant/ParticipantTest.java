package dev.handoff.domain.participant;

import static dev.handoff.domain.Assertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantTest {

  static Stream<Arguments> canonicalRawIds() {
    return Stream.of(
        Arguments.of(AcsUser.of("8:acs:res_user"), "8:acs:res_user"),
        Arguments.of(PhoneNumber.of("+14255550123"), "4:+14255550123"),
        Arguments.of(PhoneNumber.anonymousCaller(), "4:anonymous"),
        Arguments.of(PhoneNumber.of("+14255550123").withAssertedId("abc"), "4:+14255550123_abc"),
        Arguments.of(TeamsUser.of("oid"), "8:orgid:oid"),
        Arguments.of(TeamsUser.of("oid").withCloud(Cloud.DOD), "8:dod:oid"),
        Arguments.of(TeamsUser.of("oid").withCloud(Cloud.GCCH), "8:gcch:oid"),
        Arguments.of(TeamsUser.anonymousVisitor("v1"), "8:teamsvisitor:v1"),
        Arguments.of(TeamsApp.bot("app"), "28:orgid:app"),
        Arguments.of(TeamsApp.resourceAccount("ra").withCloud(Cloud.DOD), "28:dod:ra"),
        Arguments.of(TeamsApp.bot("app").withCloud(Cloud.GCCH), "28:gcch:app"),
        Arguments.of(TeamsExtensionUser.of("u", "t", "r"), "8:acs:r_t_u"),
        Arguments.of(
            new TeamsExtensionUser("u", "t", "r", Cloud.DOD, Optional.empty()), "8:dod-acs:r_t_u"),
        Arguments.of(
            new TeamsExtensionUser("u", "t", "r", Cloud.GCCH, Optional.empty()),
            "8:gcch-acs:r_t_u"),
        Arguments.of(new RawParticipant("99:custom:thing"), "99:custom:thing"));
  }

  @ParameterizedTest
  @MethodSource("canonicalRawIds")
  void everyParticipantKnowsItsCanonicalRawIdAndReadsBackFromIt(
      Participant participant, String rawId) {
    assertThat(participant.rawId()).isEqualTo(rawId);
    Participant parsed = Participant.fromRawId(rawId);
    assertThat(parsed.rawId()).isEqualTo(rawId);
    assertThat(parsed.kind()).isEqualTo(participant.kind());
    assertThat(parsed.sameParty(participant)).isTrue();
  }

  @Test
  void everyKindIsCoveredByTheRawIdCases() {
    assertThat(canonicalRawIds().map(a -> ((Participant) a.get()[0]).kind()).distinct())
        .containsExactlyInAnyOrder(ParticipantKind.values());
    assertThat(Participant.class.getPermittedSubclasses()).hasSize(ParticipantKind.values().length);
  }

  @Test
  void phoneNumbersAreNormalisedToE164() {
    assertThat(PhoneNumber.of("+1 (425) 555-0123").value()).isEqualTo("+14255550123");
    assertThat(PhoneNumber.of("+44 20.7946.0958").value()).isEqualTo("+442079460958");
    assertThat(PhoneNumber.of("+1\u00A0425 555 0123")).isEqualTo(PhoneNumber.of("+14255550123"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "14255550123",
        "+0425550123",
        "+12345",
        "+1234567890123456",
        "+1 425 CALL NOW",
        "0044 20 7946 0958",
        ""
      })
  void phoneNumbersThatAreNotE164AreRejectedNamingTheRule(String number) {
    assertThat(violationsOf(() -> PhoneNumber.of(number)))
        .containsExactly("value must be an E.164 number: '+' and 7 to 15 digits, the first not 0");
  }

  @Test
  void olderPhoneRawIdsWithoutPlusAreReadWithIt() {
    assertThat(Participant.fromRawId("4:14255550123")).isEqualTo(PhoneNumber.of("+14255550123"));
  }

  @Test
  void rawIdsOfNoKnownFormStayRaw() {
    for (String raw : List.of("28:dod-global:x", "4:not-a-number", "8:acs:", "something")) {
      assertThat(Participant.fromRawId(raw)).isEqualTo(new RawParticipant(raw));
    }
    assertThat(Participant.fromRawId("8:spool:abc")).isEqualTo(AcsUser.of("8:spool:abc"));
  }

  @Test
  void acsUserIdsMustCarryAnAcsPrefix() {
    assertThat(violationsOf(() -> AcsUser.of("8:orgid:someone")))
        .containsExactly(
            "id must start with one of [8:acs:, 8:spool:, 8:dod-acs:, 8:gcch-acs:] followed by the user part");
    assertThat(violationsOf(() -> AcsUser.of("8:acs:"))).hasSize(1);
  }

  @Test
  void displayNamesAreKeptButDoNotChangeWhoTheParticipantIs() {
    TeamsUser named = TeamsUser.of("oid").withDisplayName("Alex").withTenantId("tenant");
    assertThat(named.displayName()).contains("Alex");
    assertThat(named.sameParty(TeamsUser.of("oid"))).isTrue();
    assertThat(violationsOf(() -> TeamsUser.of("oid").withDisplayName("x".repeat(257))))
        .containsExactly("displayName must be at most 256 characters");
    assertThat(new RawParticipant("x:y").displayName()).isEmpty();
  }

  @Test
  void teamsExtensionUserPartsMayNotContainTheSeparator() {
    assertThat(violationsOf(() -> TeamsExtensionUser.of("u_1", "t_1", "r_1")))
        .containsExactly(
            "userId must not contain '_'",
            "tenantId must not contain '_'",
            "resourceId must not contain '_'");
  }

  @Test
  void anonymousNumbersCarryNoDigits() {
    assertThat(
            violationsOf(
                () -> new PhoneNumber("+14255550123", true, Optional.empty(), Optional.empty())))
        .containsExactly("value must be \"anonymous\" (or absent) for an anonymous number");
    assertThat(new PhoneNumber(null, true, null, null).value()).isEqualTo("anonymous");
  }

  @Test
  void cloudsReadTheirWireNamesInAnyCase() {
    assertThat(Cloud.fromWireName("GCCH")).isEqualTo(Cloud.GCCH);
    assertThat(Cloud.PUBLIC.wireName()).isEqualTo("public");
  }
}
