package dev.handoff.domain.command;

import static dev.handoff.domain.Assertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private static final PhoneNumber TARGET = PhoneNumber.of("+14255550123");
  private static final PhoneNumber CALLER = PhoneNumber.of("+14255550100");

  @Test
  void aBlindTransferNeedsOnlyTheCallAndTheTarget() {
    CallTransfer transfer = CallTransfer.builder("call-1", TARGET).build();
    assertThat(transfer.mode()).isEqualTo(TransferMode.blind());
    assertThat(transfer.consultative()).isFalse();
    assertThat(transfer.callingContext()).isEqualTo(CallingContext.EMPTY);
    assertThat(transfer.transferee()).isEmpty();
    assertThat(OperationKind.of(transfer)).isEqualTo(OperationKind.TRANSFER);
  }

  @Test
  void aConsultativeTransferNamesTheCallItReplaces() {
    CallTransfer transfer =
        CallTransfer.builder("call-1", TeamsUser.of("agent"))
            .transferee(Transferee.of(CALLER, "participant-7"))
            .replacing("consult-9")
            .operationContext("xfer-42")
            .build();
    assertThat(transfer.consultative()).isTrue();
    assertThat(transfer.mode()).isEqualTo(TransferMode.consultative("consult-9"));
    assertThat(transfer.transferee().orElseThrow().callParticipantId()).contains("participant-7");
  }

  @Test
  void aTransferReportsEveryBrokenRuleAtOnce() {
    assertThat(
            violationsOf(
                () ->
                    CallTransfer.builder(" ", PhoneNumber.anonymousCaller())
                        .transferee(PhoneNumber.anonymousCaller())
                        .operationContext("bad\tcontext")
                        .sourceCallerId(PhoneNumber.anonymousCaller())
                        .callbackUri(URI.create("mailto:ops@example.com"))
                        .build()))
        .containsExactly(
            "callId must not be blank",
            "operationContext must not contain control characters",
            "callbackUri must be an absolute http or https URI with a host",
            "target cannot be called: it is a withheld (anonymous) number",
            "transferee.participant must not be the transfer target",
            "sourceCallerId must be a real number, not the anonymous caller");
  }

  @Test
  void aConsultativeTransferCannotReplaceTheCallItTransfers() {
    assertThat(
            violationsOf(() -> CallTransfer.builder("call-1", TARGET).replacing("call-1").build()))
        .containsExactly(
            "mode.replacesCallId must name the consultation call, not the call being transferred");
    assertThat(violationsOf(() -> TransferMode.consultative("")))
        .containsExactly("replacesCallId must not be blank");
  }

  @Test
  void aTransferWithoutATargetSaysSo() {
    assertThat(violationsOf(() -> CallTransfer.builder("call-1", null).build()))
        .containsExactly("target is required");
  }

  @Test
  void invitationTimeoutsAreWholeNonNegativeSeconds() {
    AddParticipant add =
        AddParticipant.builder("call-1", TARGET)
            .invitationTimeout(Duration.ofSeconds(180))
            .sourceCallerId(CALLER)
            .sourceDisplayName("Contoso support")
            .build();
    assertThat(add.invitationTimeout()).contains(Duration.ofSeconds(180));
    assertThat(AddParticipant.builder("call-1", TARGET).invitationTimeout(Duration.ZERO).build())
        .isNotNull();
    assertThat(
            AddParticipant.builder("call-1", TARGET)
                .invitationTimeout(Duration.ofSeconds(181))
                .build()
                .invitationTimeout())
        .as("how long a provider lets an invitation ring is its limit, not the model's")
        .contains(Duration.ofSeconds(181));
    assertThat(
            violationsOf(
                () ->
                    AddParticipant.builder("call-1", TARGET)
                        .invitationTimeout(Duration.ofMillis(2500))
                        .build()))
        .containsExactly("invitationTimeout must be a whole number of seconds");
    assertThat(
            violationsOf(
                () ->
                    AddParticipant.builder("call-1", TARGET)
                        .invitationTimeout(Duration.ofSeconds(-1))
                        .sourceDisplayName("")
                        .build()))
        .containsExactly(
            "invitationTimeout must not be negative", "sourceDisplayName must not be blank");
  }

  @Test
  void cancellingNeedsTheInvitation() {
    assertThat(CancelAddParticipant.of("call-1", "inv-1").invitationId()).isEqualTo("inv-1");
    assertThat(violationsOf(() -> CancelAddParticipant.of("call-1", null)))
        .containsExactly("invitationId is required");
  }

  @Test
  void aRedirectNamesDistinctCallableTargets() {
    RedirectCall redirect =
        RedirectCall.builder("call-1", "ctx", List.of(TARGET, AcsUser.of("8:acs:r_u")))
            .ringTimeout(Duration.ofSeconds(30))
            .build();
    assertThat(redirect.targets()).hasSize(2);
    assertThat(violationsOf(() -> RedirectCall.builder("call-1", "ctx", List.of()).build()))
        .containsExactly("targets must name at least one target");
    List<Participant> bad = Arrays.asList(TARGET, PhoneNumber.of("+1 425 555 0123"), null);
    assertThat(violationsOf(() -> RedirectCall.builder("call-1", " ", bad).build()))
        .containsExactly(
            "incomingCallContext must not be blank",
            "targets[1] repeats a target",
            "targets[2] is required");
    assertThat(
            violationsOf(
                () ->
                    RedirectCall.builder("call-1", "ctx", List.of(TARGET))
                        .ringTimeout(Duration.ZERO)
                        .build()))
        .containsExactly("ringTimeout must be between 1 and 3600 seconds");
  }

  @Test
  void commandsAreValuesSoARepeatedRequestCanBeRecognised() {
    CallTransfer first =
        CallTransfer.builder("call-1", TARGET)
            .callingContext(CallingContext.builder().msCustomSipHeader("caseId", "7").build())
            .build();
    CallTransfer second =
        new CallTransfer(
            "call-1",
            PhoneNumber.of("+1 425 555 0123"),
            Optional.empty(),
            TransferMode.blind(),
            CallingContext.builder().sipHeader("X-MS-Custom-caseId", "7").build(),
            null,
            null,
            null);
    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
  }

  @Test
  void aCallbackUriCanBeSetOnAnyCommandAndIsValidated() {
    URI callback = URI.create("https://handoff.example.com/callbacks/acs");
    CallTransfer transfer = CallTransfer.builder("call-1", TARGET).operationContext("c").build();
    CallTransfer withCallback = transfer.withCallbackUri(callback);
    assertThat(withCallback.callbackUri()).contains(callback);
    assertThat(withCallback.withCallbackUri(null)).isEqualTo(transfer);
    assertThat(AddParticipant.builder("c", TARGET).build().withCallbackUri(callback).callbackUri())
        .contains(callback);
    assertThat(CancelAddParticipant.of("c", "i").withCallbackUri(callback).callbackUri())
        .contains(callback);
    assertThat(
            RedirectCall.builder("c", "x", List.of(TARGET))
                .build()
                .withCallbackUri(callback)
                .callbackUri())
        .contains(callback);
    assertThat(violationsOf(() -> transfer.withCallbackUri(URI.create("ftp://x/y"))))
        .containsExactly("callbackUri must be an absolute http or https URI with a host");
  }

  @Test
  void everyCommandHasAnOperationKind() {
    assertThat(CallCommand.class.getPermittedSubclasses()).hasSize(OperationKind.values().length);
    assertThat(OperationKind.of(AddParticipant.builder("c", TARGET).build()))
        .isEqualTo(OperationKind.ADD_PARTICIPANT);
    assertThat(OperationKind.of(CancelAddParticipant.of("c", "i")))
        .isEqualTo(OperationKind.CANCEL_ADD_PARTICIPANT);
    assertThat(OperationKind.of(RedirectCall.builder("c", "x", List.of(TARGET)).build()))
        .isEqualTo(OperationKind.REDIRECT);
  }
}
