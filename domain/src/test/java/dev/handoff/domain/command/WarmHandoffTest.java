package dev.handoff.domain.command;

import static dev.handoff.domain.Assertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmHandoffTest {
  private static final PhoneNumber AGENT = PhoneNumber.of("+14255550123");
  private static final PhoneNumber CALLER = PhoneNumber.of("+14255550100");

  @Test
  void theLeastAHandoffNeedsIsTheCallAndOneTarget() {
    WarmHandoff handoff = WarmHandoff.builder("call-1", List.of(HandoffTarget.of(AGENT))).build();
    assertThat(OperationKind.of(handoff)).isEqualTo(OperationKind.WARM_HANDOFF);
    assertThat(handoff.transferee()).isEmpty();
    assertThat(handoff.holdAudio()).isEmpty();
    assertThat(handoff.briefing()).isEqualTo(Briefing.NONE);
    assertThat(handoff.fallback()).isEqualTo(Fallback.returnToBot());
    assertThat(handoff.targets().get(0).ringTimeout())
        .isEqualTo(HandoffTarget.DEFAULT_RING_TIMEOUT);
  }

  @Test
  void everyPartIsKeptAsGiven() {
    WarmHandoff handoff =
        WarmHandoff.builder(
                "call-1",
                List.of(
                    HandoffTarget.of(AGENT, Duration.ofSeconds(20)),
                    HandoffTarget.of(TeamsUser.of("agent-2"))))
            .transferee(Transferee.of(CALLER))
            .holdAudio(Prompt.audio(URI.create("https://cdn.example/hold.wav")))
            .briefing(
                Briefing.of(
                    new Prompt.Speech(
                        "Caller asks about an invoice",
                        Optional.of("en-US"),
                        Optional.of("en-US-JennyNeural")),
                    CallingContext.builder().sipHeader("X-MS-Custom-case", "42").build()))
            .fallback(Fallback.transferTo(PhoneNumber.of("+14255550199")))
            .sourceCallerId(PhoneNumber.of("+18005550100"))
            .operationContext("case-42")
            .callbackUri(URI.create("https://app.example/events"))
            .build();
    assertThat(handoff.targets()).hasSize(2);
    assertThat(handoff.briefing().callingContext().sipHeaders())
        .containsEntry("X-MS-Custom-case", "42");
    assertThat(handoff.withCallbackUri(null).callbackUri()).isEmpty();
    assertThat(handoff.withCallbackUri(URI.create("https://other.example/x")).targets())
        .isEqualTo(handoff.targets());
  }

  @Test
  void aHandoffReportsEveryBrokenRuleAtOnce() {
    List<HandoffTarget> targets = new ArrayList<>();
    targets.add(HandoffTarget.of(AGENT));
    targets.add(HandoffTarget.of(AGENT));
    targets.add(HandoffTarget.of(CALLER));
    targets.add(null);
    assertThat(
            violationsOf(
                () ->
                    WarmHandoff.builder(" ", targets)
                        .transferee(Transferee.of(CALLER))
                        .fallback(Fallback.transferTo(CALLER))
                        .sourceCallerId(PhoneNumber.anonymousCaller())
                        .operationContext("bad\tcontext")
                        .build()))
        .containsExactly(
            "callId must not be blank",
            "operationContext must not contain control characters",
            "targets[1].participant repeats a target",
            "targets[2].participant must not be the transferee",
            "targets[3] is required",
            "fallback.participant must not be the transferee",
            "sourceCallerId must be a real number, not the anonymous caller");
  }

  @Test
  void targetsAreBounded() {
    assertThat(violationsOf(() -> WarmHandoff.builder("call-1", List.of()).build()))
        .containsExactly("targets must name at least one target");
    List<HandoffTarget> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(HandoffTarget.of(PhoneNumber.of("+1425555010" + (i % 10) + (i / 10))));
    }
    assertThat(violationsOf(() -> WarmHandoff.builder("call-1", eleven).build()))
        .containsExactly("targets must name at most 10 targets");
  }

  @Test
  void aTargetRingsForWholeSecondsWithinTheProvidersLimits() {
    assertThat(violationsOf(() -> HandoffTarget.of(AGENT, Duration.ofSeconds(4))))
        .containsExactly("ringTimeout must be between 5 and 180 seconds");
    assertThat(violationsOf(() -> HandoffTarget.of(AGENT, Duration.ofMillis(5500))))
        .containsExactly("ringTimeout must be a whole number of seconds");
    assertThat(violationsOf(() -> HandoffTarget.of(PhoneNumber.anonymousCaller())))
        .containsExactly("participant cannot be called: it is a withheld (anonymous) number");
    assertThat(violationsOf(() -> HandoffTarget.of(null)))
        .containsExactly("participant is required");
  }

  @Test
  void promptsAreCheckedWhereTheyAreMade() {
    assertThat(violationsOf(() -> Prompt.speech(" "))).containsExactly("text must not be blank");
    assertThat(violationsOf(() -> Prompt.speech("x".repeat(4001))))
        .containsExactly("text must be at most 4000 characters");
    assertThat(
            violationsOf(
                () -> new Prompt.Speech("hello", Optional.of("english"), Optional.of(" "))))
        .containsExactly("locale must be a language tag such as en-US", "voice must not be blank");
    assertThat(violationsOf(() -> Prompt.audio(URI.create("file:///tmp/hold.wav"))))
        .containsExactly("uri must be an absolute http or https URI with a host");
    assertThat(
            violationsOf(() -> Prompt.audio(URI.create("https://cdn.example/" + "a".repeat(2100)))))
        .containsExactly("uri must be at most 2048 characters");
    assertThat(Briefing.saying("hi").prompt()).contains(Prompt.speech("hi"));
    assertThat(violationsOf(() -> Fallback.transferTo(null)))
        .containsExactly("participant is required");
  }
}
