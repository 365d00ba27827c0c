package dev.handoff.domain.context;

import static dev.handoff.domain.Assertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsApp;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallingContextTest {

  @Test
  void carriesUuiCustomSipAndVoipHeadersInTheirOrder() {
    CallingContext context =
        CallingContext.builder()
            .userToUser("a1b2;encoding=hex")
            .msCustomSipHeader("caseId", "123")
            .sipHeader("X-Tier", "gold")
            .voipHeader("crmRecord", "42 / open")
            .build();
    assertThat(context.userToUser()).contains("a1b2;encoding=hex");
    assertThat(context.sipHeaders().keySet()).containsExactly("X-MS-Custom-caseId", "X-Tier");
    assertThat(context.voipHeaders()).containsEntry("crmRecord", "42 / open");
    assertThat(context.isEmpty()).isFalse();
    assertThat(CallingContext.EMPTY.isEmpty()).isTrue();
    assertThatThrownBy(() -> context.sipHeaders().put("X-a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void howManyHeadersAndHowLongIsLeftToTheProviders() {
    CallingContext.Builder many = CallingContext.builder().userToUser("u".repeat(300));
    for (int i = 0; i < 6; i++) {
      many.sipHeader("X-h" + i, "v".repeat(300));
    }
    many.sipHeader("X-MS-Custom-" + "k".repeat(60), "v");
    many.voipHeader("k".repeat(65), "v".repeat(1025));
    CallingContext context = many.build();
    assertThat(context.sipHeaders()).hasSize(7);
    assertThat(context.userToUser()).contains("u".repeat(300));
    assertThat(context.voipHeaders()).hasSize(1);
  }

  @Test
  void sipHeaderNamesFollowThePrefixAndCharsetRules() {
    assertThat(
            violationsOf(
                () ->
                    CallingContext.builder()
                        .sipHeader("Custom-caseId", "1")
                        .sipHeader("X-", "1")
                        .sipHeader("X-bad name", "1")
                        .build()))
        .containsExactly(
            "sipHeaders[Custom-caseId] must be named X-MS-Custom-<name> or X-<name>",
            "sipHeaders[X-] must be named X-MS-Custom-<name> or X-<name>",
            "sipHeaders[X-bad name] name may hold only letters, digits and . ! % * _ + ~ -");
  }

  @Test
  void sipValuesFollowTheCharsetRules() {
    assertThat(
            violationsOf(
                () ->
                    CallingContext.builder()
                        .userToUser("has space")
                        .sipHeader("X-a", "has space")
                        .sipHeader("X-b", "")
                        .sipHeader("X-c", "ok=1;b.c!%*_+~-")
                        .build()))
        .containsExactly(
            "userToUser value may hold only letters, digits and = ; . ! % * _ + ~ -",
            "sipHeaders[X-a] value may hold only letters, digits and = ; . ! % * _ + ~ -",
            "sipHeaders[X-b] value must not be empty");
  }

  @Test
  void userToUserBelongsInItsOwnFieldAndNamesAreCaseInsensitive() {
    assertThat(
            violationsOf(
                () ->
                    CallingContext.builder()
                        .sipHeader("user-to-user", "abc")
                        .sipHeader("userToUser", "abc")
                        .sipHeader("X-Tier", "1")
                        .sipHeader("x-tier", "2")
                        .build()))
        .containsExactly(
            "sipHeaders[user-to-user] must not be User-To-User: set userToUser instead",
            "sipHeaders[userToUser] must not be User-To-User: set userToUser instead",
            "sipHeaders[x-tier] repeats a header name (names are case-insensitive)");
  }

  @Test
  void voipHeaderNamesMustNotBeBlank() {
    Map<String, String> voip = new LinkedHashMap<>();
    voip.put(" ", "v");
    voip.put("k", null);
    assertThat(violationsOf(() -> new CallingContext(null, null, voip, null)))
        .containsExactly("voipHeaders[ ] name must not be blank", "voipHeaders[k] is required");
  }

  @Test
  void theSpellingsOfUserToUserAreRecognised() {
    assertThat(CallingContext.isUserToUserName("User-To-User")).isTrue();
    assertThat(CallingContext.isUserToUserName("user-to-user")).isTrue();
    assertThat(CallingContext.isUserToUserName("userToUser")).isTrue();
    assertThat(CallingContext.isUserToUserName("X-User-To-User")).isFalse();
    assertThat(CallingContext.isUserToUserName("UUI")).isFalse();
  }

  @Test
  void nullHeaderNamesAndValuesAreViolationsNotCrashes() {
    Map<String, String> sip = new LinkedHashMap<>();
    sip.put(null, "v");
    sip.put("X-a", null);
    assertThat(violationsOf(() -> new CallingContext(null, sip, null, null)))
        .containsExactly("sipHeaders[null] is required", "sipHeaders[X-a] is required");
  }

  @Test
  void teamsPhoneCallDetailsLeaveTheTopicAndAdditionalInformationLimitsToTheProviders() {
    Map<String, String> eleven = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("k" + i, "v");
    }
    TeamsPhoneCallerDetails caller =
        new TeamsPhoneCallerDetails(
            PhoneNumber.of("+14255550123"), "Dana", "+14255550123", null, null, null, eleven);
    TeamsPhoneCallDetails details =
        TeamsPhoneCallDetails.builder()
            .callerDetails(caller)
            .sourceDetails(TeamsPhoneSourceDetails.of(TeamsApp.bot("bot"), "en-US", "active"))
            .callTopic("x".repeat(49))
            .callContext("line one\nline two")
            .transcriptUrl(URI.create("https://example.com/t/1"))
            .build();
    assertThat(
            CallingContext.builder().teamsPhoneCallDetails(details).build().teamsPhoneCallDetails())
        .contains(details);
    assertThat(details.callerDetails().orElseThrow().additionalCallerInformation()).hasSize(11);
    assertThat(
            violationsOf(
                () ->
                    TeamsPhoneCallDetails.builder()
                        .callTopic("x".repeat(TeamsPhoneCallDetails.MAX_TEXT_LENGTH + 1))
                        .build()))
        .containsExactly("callTopic must be at most 4096 characters");
  }

  @Test
  void teamsPhoneDetailsRequireTheirMandatoryParts() {
    assertThat(violationsOf(() -> TeamsPhoneCallerDetails.of(null, " ", null)))
        .containsExactly("caller is required", "name must not be blank", "phoneNumber is required");
    assertThat(violationsOf(() -> TeamsPhoneSourceDetails.of(null, "english!", "")))
        .containsExactly(
            "source is required",
            "language must be an ISO 639 language code, optionally with subtags (e.g. en or en-US)",
            "status must not be blank");
    assertThat(
            violationsOf(
                () -> TeamsPhoneCallDetails.builder().transcriptUrl(URI.create("file:/x")).build()))
        .containsExactly("transcriptUrl must be an absolute http or https URI with a host");
  }
}
