package dev.handoff.domain.event;

import static dev.handoff.domain.Assertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.ProviderId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncomingCallTest {
  private static final EventMeta META =
      new EventMeta(
          ProviderId.of("acs"),
          "e-1",
          "Microsoft.Communication.IncomingCall",
          Instant.parse("2026-11-23T10:00:00Z"));

  private static IncomingCall call(
      Map<String, String> sip, Optional<TeamsPhoneCallDetails> details) {
    return new IncomingCall(
        META,
        "server-call-1",
        "context-1",
        PhoneNumber.of("+14255550100"),
        PhoneNumber.of("+18005550100"),
        Optional.empty(),
        sip,
        Map.of("crm", "42"),
        details,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void userToUserIsExposedUnderItsSipNameWhicheverSpellingTheProviderUsed() {
    for (String spelling : new String[] {"userToUser", "user-To-User", "USER-TO-USER"}) {
      Map<String, String> sip = new LinkedHashMap<>();
      sip.put("X-MS-Custom-case", "42");
      sip.put(spelling, "a1b2;encoding=hex");
      IncomingCall incoming = call(sip, Optional.empty());
      assertThat(incoming.userToUser()).as(spelling).contains("a1b2;encoding=hex");
      assertThat(incoming.sipHeaders())
          .as(spelling)
          .containsExactly(
              Map.entry("X-MS-Custom-case", "42"), Map.entry("User-To-User", "a1b2;encoding=hex"));
    }
    assertThat(call(Map.of("X-a", "1"), Optional.empty()).userToUser()).isEmpty();
  }

  @Test
  void twoSpellingsOfUserToUserAreAViolationNotASilentChoice() {
    Map<String, String> sip = new LinkedHashMap<>();
    sip.put("userToUser", "a");
    sip.put("User-To-User", "b");
    assertThat(violationsOf(() -> call(sip, Optional.empty())))
        .containsExactly("sipHeaders must hold the User-To-User information once, under one name");
  }

  @Test
  void theTeamsPhoneCallDetailsAreKeptWithoutAnyProvidersSendingLimit() {
    TeamsPhoneCallDetails details =
        TeamsPhoneCallDetails.builder().callTopic("t".repeat(60)).intent("billing").build();
    IncomingCall incoming = call(Map.of(), Optional.of(details));
    assertThat(incoming.teamsPhoneCallDetails()).contains(details);
    assertThat(incoming.voipHeaders()).containsEntry("crm", "42");
  }
}
