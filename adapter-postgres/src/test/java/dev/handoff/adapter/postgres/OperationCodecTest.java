package dev.handoff.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.testing.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OperationCodecTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Operation roundTrip(Operation operation) {
    return OperationCodec.read(OperationCodec.writeDocument(operation), timelineOf(operation));
  }

  static String timelineOf(Operation operation) {
    return operation.timeline().stream()
        .map(OperationCodec::writeEntry)
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** Every permitted subtype must have a sample, so a new subtype without a codec fails here. */
  private static <T> List<T> samplesOfEveryPermittedSubtype(
      Class<?> sealed, Map<Class<?>, T> samples) {
    assertThat(sealed.isSealed()).as(sealed + " is sealed").isTrue();
    List<T> found = new ArrayList<>();
    for (Class<?> subtype : sealed.getPermittedSubclasses()) {
      assertThat(samples)
          .as("a sample of " + subtype.getName() + " (and a document form for it in the codec)")
          .containsKey(subtype);
      found.add(samples.get(subtype));
    }
    assertThat(found).as("no sample of a type that is not permitted").hasSize(samples.size());
    return found;
  }

  @Test
  void everyKindOfCommandRoundTripsWithEveryFieldSet() {
    for (CallCommand command :
        samplesOfEveryPermittedSubtype(CallCommand.class, Samples.commands())) {
      Operation operation = Samples.fullyPopulated("op-" + command.callId(), command);
      Operation read = roundTrip(operation);
      assertThat(read).as(command.getClass().getSimpleName()).isEqualTo(operation);
      assertThat(read.command()).isEqualTo(command);
    }
  }

  @Test
  void everyKindOfParticipantRoundTripsWithDisplayNamesCloudsTenantsAndAssertedIds() {
    for (Participant participant :
        samplesOfEveryPermittedSubtype(Participant.class, Samples.participants())) {
      CallTransfer transfer =
          CallTransfer.builder("call-1", participant)
              .callingContext(
                  CallingContext.builder()
                      .teamsPhoneCallDetails(
                          TeamsPhoneCallDetails.builder()
                              .callerDetails(TeamsPhoneCallerDetails.of(participant, "n", "1"))
                              .build())
                      .build())
              .build();
      Operation read = roundTrip(Samples.fullyPopulated("op-1", transfer));
      CallTransfer readTransfer = (CallTransfer) read.command();
      assertThat(readTransfer.target()).isEqualTo(participant).hasSameClassAs(participant);
      assertThat(readTransfer.target().displayName()).isEqualTo(participant.displayName());
      assertThat(readTransfer).isEqualTo(transfer);
    }
  }

  @Test
  void anonymousParticipantsRoundTrip() {
    Participant withheld = PhoneNumber.anonymousCaller();
    Participant visitor = TeamsUser.anonymousVisitor("visitor-7").withDisplayName("Guest");
    for (Participant participant : List.of(withheld, visitor)) {
      AddParticipant add =
          AddParticipant.builder("call-1", PhoneNumber.of("+14255550123"))
              .callingContext(
                  CallingContext.builder()
                      .teamsPhoneCallDetails(
                          TeamsPhoneCallDetails.builder()
                              .callerDetails(
                                  TeamsPhoneCallerDetails.of(participant, "Someone", "withheld"))
                              .build())
                      .build())
              .build();
      assertThat(roundTrip(Samples.fullyPopulated("op-1", add)).command()).isEqualTo(add);
    }
  }

  @Test
  void everyTransferModeRoundTrips() {
    for (TransferMode mode :
        samplesOfEveryPermittedSubtype(TransferMode.class, Samples.transferModes())) {
      CallTransfer transfer =
          CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).mode(mode).build();
      assertThat(
              ((CallTransfer) roundTrip(Samples.fullyPopulated("op", transfer)).command()).mode())
          .isEqualTo(mode);
    }
  }

  @Test
  void everyPromptAndFallbackOfAWarmHandoffRoundTrips() {
    for (Prompt prompt : samplesOfEveryPermittedSubtype(Prompt.class, Samples.prompts())) {
      for (Fallback fallback :
          samplesOfEveryPermittedSubtype(Fallback.class, Samples.fallbacks())) {
        WarmHandoff handoff =
            WarmHandoff.builder("call-1", List.of(HandoffTarget.of(PhoneNumber.of("+14255550123"))))
                .holdAudio(prompt)
                .fallback(fallback)
                .build();
        assertThat(roundTrip(Samples.fullyPopulated("op-1", handoff)).command()).isEqualTo(handoff);
      }
    }
  }

  @Test
  void aHandoffStepRoundTripsOnItsTimelineEntry() throws Exception {
    Operation operation = Samples.fullyPopulated("op-1", Samples.commands().get(WarmHandoff.class));
    Operation read = roundTrip(operation);
    assertThat(read.timeline().get(4).step()).contains(Samples.step());
    assertThat(read.timeline().get(4).step().orElseThrow().facts().keySet())
        .containsExactly("participant", "callId");
    ArrayNode timeline = (ArrayNode) MAPPER.readTree(timelineOf(operation));
    assertThat(timeline.get(0).has("step")).isFalse();
    ((ObjectNode) timeline.get(4).get("step")).put("action", "DANCE");
    String document = OperationCodec.writeDocument(operation);
    assertThatThrownBy(() -> OperationCodec.read(document, timeline.toString()))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("timeline[4].step.action: unknown CallAction 'DANCE'");
  }

  @Test
  void mapsKeepTheirOrderAndInstantsTheirNanoseconds() {
    CallTransfer transfer = (CallTransfer) Samples.commands().get(CallTransfer.class);
    Operation operation = Samples.fullyPopulated("op-1", transfer);
    Operation read = roundTrip(operation);

    assertThat(read.references().keySet())
        .containsExactly("x-ms-request-id", "chain-id", "a-first");
    CallingContext context = ((CallTransfer) read.command()).callingContext();
    assertThat(context.sipHeaders().keySet()).containsExactly("X-MS-Custom-Zed", "X-Alpha");
    assertThat(context.voipHeaders().keySet()).containsExactly("voipB", "voipA");
    TeamsPhoneCallDetails details = context.teamsPhoneCallDetails().orElseThrow();
    assertThat(details.callerDetails().orElseThrow().additionalCallerInformation().keySet())
        .containsExactly("zeta", "alpha", "mid");
    assertThat(details.sourceDetails().orElseThrow().intendedTargets().keySet())
        .containsExactly("sales", "billing");
    assertThat(read.timeline().get(2).evidence().references().keySet())
        .containsExactly("x-ms-client-request-id", "correlation");
    assertThat(read.createdAt()).isEqualTo(Samples.T);
    assertThat(read.createdAt().getNano()).isEqualTo(123456789);
    assertThat(read.timeline().get(1).at().getNano()).isEqualTo(123456790);
    assertThat(read.timeline().get(2).providerTime())
        .isEqualTo(operation.timeline().get(2).providerTime());
  }

  @Test
  void everyFailureReasonRoundTrips() {
    for (FailureReason reason : FailureReason.values()) {
      Operation operation =
          Samples.fullyPopulated("op-1", Samples.commands().get(CallTransfer.class));
      Operation failed =
          new Operation(
              operation.id(),
              operation.kind(),
              operation.provider(),
              operation.command(),
              operation.idempotencyKey(),
              operation.correlation(),
              operation.submission(),
              operation.state(),
              Optional.of(Samples.failure(reason)),
              operation.invitationId(),
              operation.references(),
              operation.timeline(),
              operation.createdAt(),
              operation.updatedAt(),
              operation.deadline(),
              operation.version());
      assertThat(roundTrip(failed).failure()).contains(Samples.failure(reason));
    }
  }

  @Test
  void aMinimalOperationRoundTripsAndItsDocumentLeavesAbsentFieldsOut() throws Exception {
    Operation operation = Operations.requested("op-1", Operations.transfer("call-1"), Samples.T);
    assertThat(roundTrip(operation)).isEqualTo(operation);
    ObjectNode document = (ObjectNode) MAPPER.readTree(OperationCodec.writeDocument(operation));
    assertThat(document.has("failure")).isFalse();
    assertThat(document.has("idempotencyKey")).isFalse();
    assertThat(document.has("references")).isFalse();
    assertThat(document.has("timeline")).isFalse();
    assertThat(document.get("format").intValue()).isEqualTo(OperationCodec.FORMAT);
    assertThat(document.get("command").has("callingContext")).isFalse();
  }

  @Test
  void aMissingFieldIsNamedByItsPath() throws Exception {
    Operation operation = Operations.requested("op-1", Operations.transfer("call-1"), Samples.T);
    ObjectNode document = (ObjectNode) MAPPER.readTree(OperationCodec.writeDocument(operation));
    ((ObjectNode) document.get("command")).remove("callId");
    assertThatThrownBy(() -> OperationCodec.read(document.toString(), timelineOf(operation)))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("document.command.callId: is required");
  }

  @Test
  void anUnknownKindAndABrokenModelRuleAreNamedByTheirPath() throws Exception {
    Operation operation = Operations.requested("op-1", Operations.transfer("call-1"), Samples.T);
    ObjectNode document = (ObjectNode) MAPPER.readTree(OperationCodec.writeDocument(operation));
    ObjectNode target = (ObjectNode) document.get("command").get("target");

    target.put("kind", "ALIEN");
    assertThatThrownBy(() -> OperationCodec.read(document.toString(), timelineOf(operation)))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("document.command.target.kind: unknown ParticipantKind 'ALIEN'");

    target.put("kind", "PHONE_NUMBER").put("value", "12");
    assertThatThrownBy(() -> OperationCodec.read(document.toString(), timelineOf(operation)))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageStartingWith("document.command.target: ")
        .hasMessageContaining("E.164");
  }

  @Test
  void aLaterFormatIsRefusedRatherThanMisread() throws Exception {
    Operation operation = Operations.requested("op-1", Operations.transfer("call-1"), Samples.T);
    ObjectNode document = (ObjectNode) MAPPER.readTree(OperationCodec.writeDocument(operation));
    document.put("format", 2);
    assertThatThrownBy(() -> OperationCodec.read(document.toString(), timelineOf(operation)))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("document.format: is 2; this version reads format 1");
  }

  @Test
  void aBrokenTimelineIsNamedByTheEntry() throws Exception {
    Operation operation =
        Samples.fullyPopulated("op-1", Samples.commands().get(CallTransfer.class));
    ArrayNode timeline = (ArrayNode) MAPPER.readTree(timelineOf(operation));
    ((ObjectNode) timeline.get(2)).put("providerTime", "yesterday");
    String document = OperationCodec.writeDocument(operation);
    assertThatThrownBy(() -> OperationCodec.read(document, timeline.toString()))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("timeline[2].providerTime: must be an ISO-8601 instant, was 'yesterday'");
    assertThatThrownBy(() -> OperationCodec.read(document, null))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("timeline: has no entries");
    assertThatThrownBy(() -> OperationCodec.read("{not json", "[]"))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageStartingWith("document: not valid JSON");
  }

  @Test
  void aRepeatedMapKeyIsRefused() throws Exception {
    Operation operation =
        Samples.fullyPopulated("op-1", Samples.commands().get(CallTransfer.class));
    ObjectNode document = (ObjectNode) MAPPER.readTree(OperationCodec.writeDocument(operation));
    ((ArrayNode) document.get("references")).addArray().add("chain-id").add("again");
    assertThatThrownBy(() -> OperationCodec.read(document.toString(), timelineOf(operation)))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessage("document.references[3]: repeats the key 'chain-id'");
  }
}
