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
  void atMostFiveCustomSipHeadersBesidesUserToUser() {
    CallingContext.Builder five = CallingContext.builder().userToUser("uui");
    for (int i = 0; i < 5; i++) {
      five.sipHeader("X-h" + i, "v");
    }
    assertThat(five.build().sipHeaders()).hasSize(5);
    five.sipHeader("X-h5", "v");
    assertThat(violationsOf(five::build))
        .containsExactly("sipHeaders must hold at most 5 custom headers besides User-To-User");
  }

  @Test
  void sipHeaderNamesFollowThePrefixLengthAndCharsetRules() {
    assertThat(
            violationsOf(
                () ->
                    CallingContext.builder()
                        .sipHeader("Custom-caseId", "1")
                        .sipHeader("X-", "1")
                        .sipHeader("X-MS-Custom-" + "k".repeat(53), "1")
                        .sipHeader("X-bad name", "1")
                        .build()))
        .containsExactly(
            "sipHeaders[Custom-caseId] must be named X-MS-Custom-<name> or X-<name>",
            "sipHeaders[X-] must be named X-MS-Custom-<name> or X-<name>",
            "sipHeaders[X-MS-Custom-"
                + "k".repeat(53)
                + "] name must be at most 64 characters, prefix included",
            "sipHeaders[X-bad name] name may hold only letters, digits and . ! % * _ + ~ -");
    assertThat(
            CallingContext.builder()
                .sipHeader("X-MS-Custom-" + "k".repeat(52), "1")
                .build()
                .sipHeaders())
        .hasSize(1);
  }

  @Test
  void sipValuesFollowTheLengthAndCharsetRules() {
    assertThat(
            violationsOf(
                () ->
                    CallingContext.builder()
                        .userToUser("x".repeat(257))
                        .sipHeader("X-a", "has space")
                        .sipHeader("X-b", "")
                        .sipHeader("X-c", "ok=1;b.c!%*_+~-")
                        .build()))
        .containsExactly(
            "userToUser value must be at most 256 characters",
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
                        .sipHeader("X-Tier", "1")
                        .sipHeader("x-tier", "2")
                        .build()))
        .containsExactly(
            "sipHeaders[user-to-user] must not be User-To-User: set userToUser instead",
            "sipHeaders[x-tier] repeats a header name (names are case-insensitive)");
  }

  @Test
  void voipHeadersFollowTheirLimits() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i <= CallingContext.MAX_VOIP_HEADERS; i++) {
      many.put("k" + i, "v");
    }
    assertThat(violationsOf(() -> new CallingContext(null, null, many, null)))
        .containsExactly("voipHeaders must hold at most 1000 headers");
    assertThat(
            violationsOf(
                () ->
                    CallingContext.builder()
                        .voipHeader("k".repeat(65), "v")
                        .voipHeader("long", "v".repeat(1025))
                        .voipHeader(" ", "v")
                        .build()))
        .containsExactly(
            "voipHeaders[" + "k".repeat(65) + "] name must be at most 64 characters",
            "voipHeaders[long] value must be at most 1024 characters",
            "voipHeaders[ ] name must not be blank");
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
  void teamsPhoneCallDetailsEnforceTheTopicAndAdditionalInformationLimits() {
    TeamsPhoneCallerDetails caller =
        TeamsPhoneCallerDetails.of(PhoneNumber.of("+14255550123"), "Dana", "+14255550123");
    TeamsPhoneCallDetails details =
        TeamsPhoneCallDetails.builder()
            .callerDetails(caller)
            .sourceDetails(TeamsPhoneSourceDetails.of(TeamsApp.bot("bot"), "en-US", "active"))
            .callTopic("x".repeat(48))
            .callContext("line one\nline two")
            .transcriptUrl(URI.create("https://example.com/t/1"))
            .build();
    assertThat(
            CallingContext.builder().teamsPhoneCallDetails(details).build().teamsPhoneCallDetails())
        .contains(details);

    assertThat(
            violationsOf(() -> TeamsPhoneCallDetails.builder().callTopic("x".repeat(49)).build()))
        .containsExactly("callTopic must be at most 48 characters");

    Map<String, String> eleven = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("k" + i, "v");
    }
    assertThat(
            violationsOf(
                () ->
                    new TeamsPhoneCallerDetails(
                        PhoneNumber.of("+14255550123"), "Dana", "+1", null, null, null, eleven)))
        .containsExactly("additionalCallerInformation must hold at most 10 entries");
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
