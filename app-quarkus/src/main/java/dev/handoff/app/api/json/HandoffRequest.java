package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violations;
import dev.handoff.domain.command.Briefing;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A warm handoff of the call in the path: the least a client sends is the targets (and, usually, a
 * briefing).
 *
 * <pre>{@code
 * {"targets":[{"participant":{"kind":"phoneNumber","value":"+14255550123"}}],
 *  "briefing":{"text":"Caller asks about an invoice"}}
 * }</pre>
 *
 * @param targets whom to try, in order (1 to 10); participants as in the transfer API
 * @param transferee who is handed on; found in the call when absent (it must then have exactly one
 *     participant besides the application)
 * @param holdAudio what the caller hears on hold: {@code text} to speak or an {@code audioUrl}; the
 *     provider's hold music when absent
 * @param briefing what the agent hears before the caller is put through ({@code text} or {@code
 *     audioUrl}), and the {@code context} that travels with the invitation
 * @param fallback where the caller goes when no target answers: {@code {"kind":"returnToBot"}}
 *     (default) or {@code {"kind":"transfer","participant":{…}}}
 * @param sourceCallerId the caller id shown to a phone target (E.164)
 * @param operationContext your correlation string, returned with every change
 * @param callbackUri where the steps' provider events go instead of this service
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HandoffRequest")
public record HandoffRequest(
    @Schema(required = true) List<TargetJson> targets,
    Requests.TransfereeJson transferee,
    PromptJson holdAudio,
    BriefingJson briefing,
    FallbackJson fallback,
    String sourceCallerId,
    String operationContext,
    String callbackUri) {

  /**
   * One target.
   *
   * @param participant who is called
   * @param ringTimeoutSeconds how long it rings before the next target is tried, 5 to 180 (default
   *     30)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "HandoffTarget")
  public record TargetJson(
      @Schema(required = true) ParticipantJson participant,
      @Fills("ringTimeout") Integer ringTimeoutSeconds) {
    HandoffTarget toDomain() {
      Violations v = Violations.of("HandoffTarget");
      v.required("participant", participant);
      Participant who = participant == null ? null : v.nested("participant", participant::toDomain);
      return Requests.build(
          v,
          TargetJson.class,
          () ->
              new HandoffTarget(
                  who, ringTimeoutSeconds == null ? null : Duration.ofSeconds(ringTimeoutSeconds)));
    }

    static TargetJson of(HandoffTarget target) {
      return new TargetJson(
          ParticipantJson.of(target.participant()), (int) target.ringTimeout().getSeconds());
    }
  }

  /**
   * Audio: text to speak, or an audio file; not both.
   *
   * @param text what to say
   * @param locale the text's language, e.g. {@code en-US}
   * @param voice the provider's voice name
   * @param audioUrl an audio file's URL
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Prompt")
  public record PromptJson(
      String text, String locale, String voice, @Fills("uri") String audioUrl) {
    Prompt toDomain() {
      Violations v = Violations.of("Prompt");
      if (text == null && audioUrl == null) {
        v.add("", "needs text or an audioUrl", null);
      } else if (text != null && audioUrl != null) {
        v.add("", "takes text or an audioUrl, not both", null);
      }
      if (audioUrl != null && (locale != null || voice != null)) {
        v.add(locale != null ? "locale" : "voice", "applies to text only", null);
      }
      v.throwIfAny();
      if (text != null) {
        return Requests.build(
            v,
            PromptJson.class,
            () -> new Prompt.Speech(text, Optional.ofNullable(locale), Optional.ofNullable(voice)));
      }
      URI uri = Requests.uri(v, "audioUrl", audioUrl);
      return Requests.build(v, PromptJson.class, () -> Prompt.audio(uri));
    }

    static PromptJson of(Prompt prompt) {
      if (prompt instanceof Prompt.Speech) {
        Prompt.Speech speech = (Prompt.Speech) prompt;
        return new PromptJson(
            speech.text(), speech.locale().orElse(null), speech.voice().orElse(null), null);
      }
      return new PromptJson(null, null, null, ((Prompt.Audio) prompt).uri().toString());
    }
  }

  /**
   * The briefing: what the agent hears, and the context that travels.
   *
   * @param text what the agent hears, spoken
   * @param locale the text's language
   * @param voice the provider's voice name
   * @param audioUrl an audio file the agent hears instead of text
   * @param context the calling context delivered with the invitation, as in the transfer API
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Briefing")
  public record BriefingJson(
      String text,
      String locale,
      String voice,
      String audioUrl,
      @Fills("callingContext") CallingContextJson context) {
    Briefing toDomain() {
      Violations v = Violations.of("Briefing");
      boolean speaks = text != null || audioUrl != null || locale != null || voice != null;
      Prompt prompt =
          speaks
              ? v.nested("", () -> new PromptJson(text, locale, voice, audioUrl).toDomain())
              : null;
      CallingContext calling = context == null ? null : v.nested("context", context::toDomain);
      return Requests.build(
          v, BriefingJson.class, () -> new Briefing(Optional.ofNullable(prompt), calling));
    }

    static BriefingJson of(Briefing briefing) {
      PromptJson prompt = briefing.prompt().map(PromptJson::of).orElse(null);
      CallingContextJson context = CallingContextJson.of(briefing.callingContext());
      if (prompt == null && context == null) {
        return null;
      }
      return new BriefingJson(
          prompt == null ? null : prompt.text(),
          prompt == null ? null : prompt.locale(),
          prompt == null ? null : prompt.voice(),
          prompt == null ? null : prompt.audioUrl(),
          context);
    }
  }

  /**
   * Where the caller goes when no target answers.
   *
   * @param kind {@code returnToBot} or {@code transfer}
   * @param participant the last target, for {@code transfer}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Fallback")
  public record FallbackJson(@Schema(required = true) String kind, ParticipantJson participant) {
    /** {@code kind} of the return to the bot. */
    public static final String RETURN_TO_BOT = "returnToBot";

    /** {@code kind} of the transfer to a last target. */
    public static final String TRANSFER = "transfer";

    Fallback toDomain() {
      Violations v = Violations.of("Fallback");
      if (RETURN_TO_BOT.equals(kind)) {
        v.check(participant == null, "participant", "applies to kind transfer only", null);
        return Requests.build(v, FallbackJson.class, Fallback::returnToBot);
      }
      if (TRANSFER.equals(kind)) {
        v.required("participant", participant);
        Participant to =
            participant == null ? null : v.nested("participant", participant::toDomain);
        return Requests.build(v, FallbackJson.class, () -> Fallback.transferTo(to));
      }
      v.add("kind", "must be " + RETURN_TO_BOT + " or " + TRANSFER, kind);
      v.throwIfAny();
      return null;
    }

    static FallbackJson of(Fallback fallback) {
      if (fallback instanceof Fallback.LastTarget) {
        return new FallbackJson(
            TRANSFER, ParticipantJson.of(((Fallback.LastTarget) fallback).participant()));
      }
      return new FallbackJson(RETURN_TO_BOT, null);
    }
  }

  /**
   * @param callId the caller's call
   * @return the command
   * @throws ValidationException listing every broken rule with its JSON path
   */
  public WarmHandoff toCommand(String callId) {
    Violations v = Violations.of("HandoffRequest");
    List<HandoffTarget> to = new ArrayList<>();
    if (targets != null) {
      for (int i = 0; i < targets.size(); i++) {
        TargetJson target = targets.get(i);
        to.add(target == null ? null : v.nested("targets[" + i + "]", target::toDomain));
      }
    }
    Transferee who = transferee == null ? null : v.nested("transferee", transferee::toDomain);
    Prompt hold = holdAudio == null ? null : v.nested("holdAudio", holdAudio::toDomain);
    Briefing brief = briefing == null ? null : v.nested("briefing", briefing::toDomain);
    Fallback last = fallback == null ? null : v.nested("fallback", fallback::toDomain);
    PhoneNumber callerId = Requests.phone(v, "sourceCallerId", sourceCallerId);
    URI callback = Requests.uri(v, "callbackUri", callbackUri);
    return Requests.build(
        v,
        HandoffRequest.class,
        () ->
            WarmHandoff.builder(callId, to)
                .transferee(who)
                .holdAudio(hold)
                .briefing(brief)
                .fallback(last)
                .sourceCallerId(callerId)
                .operationContext(operationContext)
                .callbackUri(callback)
                .build());
  }

  /**
   * @param command a warm handoff
   * @return the request that describes it
   */
  public static HandoffRequest of(WarmHandoff command) {
    return new HandoffRequest(
        command.targets().stream().map(TargetJson::of).collect(Collectors.toList()),
        command.transferee().map(Requests.TransfereeJson::of).orElse(null),
        command.holdAudio().map(PromptJson::of).orElse(null),
        BriefingJson.of(command.briefing()),
        FallbackJson.of(command.fallback()),
        command.sourceCallerId().map(PhoneNumber::value).orElse(null),
        command.operationContext().orElse(null),
        command.callbackUri().map(URI::toString).orElse(null));
  }
}
