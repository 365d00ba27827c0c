package dev.handoff.adapter.postgres;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.Briefing;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.failure.SipDiagnostic;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.ProviderId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Fully populated values of the model: one per permitted subtype of each sealed type, every
 * optional field set, maps in a deliberately unsorted order, instants with nanoseconds.
 */
final class Samples {
  /** Has nanoseconds, which PostgreSQL columns cannot hold but the document must. */
  static final Instant T = Instant.parse("2026-11-23T10:00:00.123456789Z");

  private Samples() {}

  /** One participant of every kind, every field set; keyed by its class. */
  static Map<Class<?>, Participant> participants() {
    Map<Class<?>, Participant> all = new LinkedHashMap<>();
    all.put(
        AcsUser.class,
        new AcsUser("8:acs:11111111-2222-3333-4444-555555555555_0000-user", Optional.of("Ann")));
    all.put(
        PhoneNumber.class,
        new PhoneNumber(
            "+14255550123", false, Optional.of("asserted1"), Optional.of("Front desk")));
    all.put(
        TeamsUser.class,
        new TeamsUser(
            "4b1f2c3d-aaaa-bbbb-cccc-0123456789ab",
            Optional.of("tenant-1"),
            Cloud.GCCH,
            false,
            Optional.of("Bob")));
    all.put(
        TeamsApp.class,
        new TeamsApp(
            "app-object-1",
            TeamsApp.Type.APPLICATION_INSTANCE,
            Optional.of("tenant-2"),
            Cloud.DOD,
            Optional.of("Queue")));
    all.put(
        TeamsExtensionUser.class,
        new TeamsExtensionUser("user9", "tenant9", "resource9", Cloud.GCCH, Optional.of("Ext")));
    all.put(RawParticipant.class, new RawParticipant("99:some-future-id"));
    return all;
  }

  static CallingContext context() {
    TeamsPhoneCallerDetails caller =
        new TeamsPhoneCallerDetails(
            PhoneNumber.of("+14255550100").withDisplayName("Caller"),
            "Casey Caller",
            "(425) 555-0100",
            Optional.of("crm-42"),
            Optional.of(URI.create("https://crm.example.com/records/42?tab=1")),
            Optional.of(Boolean.FALSE),
            ordered("zeta", "1", "alpha", "2", "mid", "3"));
    Map<String, Participant> targets = new LinkedHashMap<>();
    targets.put("sales", TeamsUser.anonymousVisitor("visitor-1"));
    targets.put("billing", TeamsApp.bot("bot-1").withTenantId("tenant-3"));
    TeamsPhoneSourceDetails source =
        new TeamsPhoneSourceDetails(
            TeamsApp.bot("bot-source").withDisplayName("Bot"), "en-US", "active", targets);
    TeamsPhoneCallDetails details =
        new TeamsPhoneCallDetails(
            Optional.of(caller),
            Optional.of(source),
            Optional.of("session-1"),
            Optional.of("billing question"),
            Optional.of("Invoice"),
            Optional.of("Caller asked about\nthe last invoice"),
            Optional.of(URI.create("https://example.com/transcripts/1")),
            Optional.of("calm"),
            Optional.of("offer a refund"));
    return new CallingContext(
        Optional.of("aGVsbG8=;encoding=base64"),
        ordered("X-MS-Custom-Zed", "z", "X-Alpha", "a"),
        ordered("voipB", "second value", "voipA", "first"),
        Optional.of(details));
  }

  /** One command of every kind, every field set; keyed by its class. */
  static Map<Class<?>, CallCommand> commands() {
    Map<Class<?>, CallCommand> all = new LinkedHashMap<>();
    all.put(
        CallTransfer.class,
        new CallTransfer(
            "call-1",
            TeamsUser.of("target-user").withDisplayName("Target"),
            Optional.of(Transferee.of(PhoneNumber.of("+14255550111"), "participant-7")),
            TransferMode.consultative("consult-call"),
            context(),
            Optional.of("ctx-1"),
            Optional.of(PhoneNumber.of("+14255550122")),
            Optional.of(URI.create("https://app.example.com/callbacks?secret=s"))));
    all.put(
        AddParticipant.class,
        new AddParticipant(
            "call-2",
            new TeamsExtensionUser("u1", "t1", "r1", Cloud.PUBLIC, Optional.of("Ext user")),
            Optional.of(Duration.ofSeconds(45)),
            Optional.of(PhoneNumber.of("+14255550133")),
            Optional.of("Handoff"),
            context(),
            Optional.of("ctx-2"),
            Optional.of(URI.create("https://app.example.com/add"))));
    all.put(
        CancelAddParticipant.class,
        new CancelAddParticipant(
            "call-3",
            "invitation-1",
            Optional.of("ctx-3"),
            Optional.of(URI.create("https://app.example.com/cancel"))));
    all.put(
        RedirectCall.class,
        new RedirectCall(
            "call-4",
            "opaque-incoming-context==",
            new ArrayList<>(participants().values()),
            Optional.of(Duration.ofSeconds(30)),
            Optional.of("ctx-4"),
            Optional.of(URI.create("https://app.example.com/redirect"))));
    all.put(
        WarmHandoff.class,
        new WarmHandoff(
            "call-5",
            Optional.of(Transferee.of(PhoneNumber.of("+14255550111"), "participant-8")),
            List.of(
                HandoffTarget.of(
                    TeamsUser.of("agent-1").withDisplayName("Agent"), Duration.ofSeconds(25)),
                HandoffTarget.of(PhoneNumber.of("+14255550144"), Duration.ofSeconds(180))),
            Optional.of(
                new Prompt.Speech(
                    "Please hold", Optional.of("en-GB"), Optional.of("en-GB-SoniaNeural"))),
            Briefing.of(Prompt.audio(URI.create("https://cdn.example.com/brief.wav")), context()),
            Fallback.transferTo(PhoneNumber.of("+14255550199")),
            Optional.of(PhoneNumber.of("+14255550155")),
            Optional.of("ctx-5"),
            Optional.of(URI.create("https://app.example.com/handoff"))));
    return all;
  }

  /** One prompt of every kind; keyed by its class. */
  static Map<Class<?>, Prompt> prompts() {
    Map<Class<?>, Prompt> all = new LinkedHashMap<>();
    all.put(
        Prompt.Speech.class,
        new Prompt.Speech(
            "Hello there, \u00fcn\u00efcode", Optional.of("de-DE"), Optional.of("voice-1")));
    all.put(Prompt.Audio.class, Prompt.audio(URI.create("https://cdn.example.com/a.wav?v=2")));
    return all;
  }

  /** One fallback of every kind; keyed by its class. */
  static Map<Class<?>, Fallback> fallbacks() {
    Map<Class<?>, Fallback> all = new LinkedHashMap<>();
    all.put(Fallback.ReturnToBot.class, Fallback.returnToBot());
    all.put(Fallback.LastTarget.class, Fallback.transferTo(TeamsApp.bot("voicemail-bot")));
    return all;
  }

  /** A step entry with every field set and facts in a deliberately unsorted order. */
  static StepEntry step() {
    return new StepEntry(
        7,
        StepKind.REACH,
        CallAction.PLACE_CALL,
        OptionalInt.of(1),
        StepStatus.ACCEPTED,
        ordered(StepEntry.PARTICIPANT_FACT, "4:+14255550144", StepEntry.CALL_FACT, "consult-1"));
  }

  /** One transfer mode of every kind; keyed by its class. */
  static Map<Class<?>, TransferMode> transferModes() {
    Map<Class<?>, TransferMode> all = new LinkedHashMap<>();
    all.put(TransferMode.Blind.class, TransferMode.blind());
    all.put(TransferMode.Consultative.class, TransferMode.consultative("call-replaced"));
    return all;
  }

  static ProviderEvidence evidence(String suffix) {
    return ProviderEvidence.builder()
        .httpStatus(487)
        .code("487" + suffix)
        .subCode("5300")
        .sip(new SipDiagnostic(487, Optional.of("Request Terminated")))
        .q850(new SipDiagnostic(16, Optional.empty()))
        .message("The call was ended " + suffix)
        .reference("x-ms-client-request-id", "req-" + suffix)
        .reference("correlation", "chain-" + suffix)
        .build();
  }

  static Failure failure(FailureReason reason) {
    return new Failure(reason, !reason.retryableByDefault(), "failed: " + reason, evidence("f"));
  }

  /** A FAILED operation with every field set and a timeline of every source and disposition. */
  static Operation fullyPopulated(String id, CallCommand command) {
    List<TimelineEntry> timeline = new ArrayList<>();
    timeline.add(
        new TimelineEntry(
            T,
            TimelineEntry.Source.HANDOFF,
            "requested",
            OperationState.REQUESTED,
            Disposition.APPLIED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ProviderEvidence.NONE));
    timeline.add(
        new TimelineEntry(
            T.plusNanos(1),
            TimelineEntry.Source.PROVIDER_RESPONSE,
            "accepted by the provider",
            OperationState.SUBMITTED,
            Disposition.RECORDED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            evidence("r")));
    timeline.add(
        new TimelineEntry(
            T.plusSeconds(1),
            TimelineEntry.Source.PROVIDER_EVENT,
            "Microsoft.Communication.CallTransferFailed",
            OperationState.FAILED,
            Disposition.LATE,
            Optional.of("event-1"),
            Optional.of(T.minusMillis(3).plusNanos(7)),
            Optional.of(failure(FailureReason.BUSY)),
            evidence("e")));
    timeline.add(
        new TimelineEntry(
            T.plusSeconds(2),
            TimelineEntry.Source.PROVIDER_EVENT,
            "late",
            OperationState.FAILED,
            Disposition.AFTER_TERMINAL,
            Optional.of("event-2"),
            Optional.of(T.plusSeconds(2)),
            Optional.empty(),
            ProviderEvidence.NONE));
    timeline.add(
        new TimelineEntry(
            T.plusSeconds(3),
            TimelineEntry.Source.HANDOFF,
            "placeCall",
            OperationState.FAILED,
            Disposition.AFTER_TERMINAL,
            Optional.empty(),
            Optional.empty(),
            Optional.of(failure(FailureReason.NO_ANSWER)),
            ProviderEvidence.NONE,
            Optional.of(step())));
    return new Operation(
        OperationId.of(id),
        OperationKind.of(command),
        ProviderId.of("acs"),
        command,
        Optional.of(IdempotencyKey.of("key-" + id)),
        "ctx-" + id,
        new SubmissionToken(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), T),
        OperationState.FAILED,
        Optional.of(failure(FailureReason.DECLINED)),
        Optional.of("invitation-" + id),
        ordered("x-ms-request-id", "r1", "chain-id", "c1", "a-first", "a"),
        timeline,
        T,
        T.plusSeconds(2),
        T.plusSeconds(120),
        4);
  }

  static ProviderEvidence statusOnly() {
    return new ProviderEvidence(
        OptionalInt.of(202),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
