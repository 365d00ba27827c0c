package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.Briefing;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A warm handoff in the stored document: its command, and the step each timeline entry concerns.
 * Prompts are tagged {@code SPEECH} or {@code AUDIO}, fallbacks {@code RETURN_TO_BOT} or {@code
 * LAST_TARGET}; ring timeouts are ISO-8601 durations; actions are stored by enum name.
 */
final class HandoffJson {
  private static final String SPEECH = "SPEECH";
  private static final String AUDIO = "AUDIO";
  private static final String RETURN_TO_BOT = "RETURN_TO_BOT";
  private static final String LAST_TARGET = "LAST_TARGET";

  private HandoffJson() {}

  static void writeHandoff(WarmHandoff handoff, ObjectNode out) {
    handoff
        .transferee()
        .ifPresent(transferee -> out.set("transferee", writeTransferee(transferee)));
    ArrayNode targets = out.putArray("targets");
    for (HandoffTarget target : handoff.targets()) {
      ObjectNode node = targets.addObject();
      node.set("participant", ParticipantJson.write(target.participant()));
      node.put("ringTimeout", target.ringTimeout().toString());
    }
    Json.putNodeIfPresent(out, "holdAudio", handoff.holdAudio().map(HandoffJson::writePrompt));
    ObjectNode briefing = out.putObject("briefing");
    Json.putNodeIfPresent(
        briefing, "prompt", handoff.briefing().prompt().map(HandoffJson::writePrompt));
    ContextJson.putIfNotEmpty(briefing, "callingContext", handoff.briefing().callingContext());
    out.set("fallback", writeFallback(handoff.fallback()));
    Json.putNodeIfPresent(
        out, "sourceCallerId", handoff.sourceCallerId().map(ParticipantJson::write));
  }

  static WarmHandoff readHandoff(Fields in) {
    List<HandoffTarget> targets = new ArrayList<>();
    for (Fields target : in.objects("targets")) {
      Participant participant = ParticipantJson.read(target.object("participant"));
      Duration ring =
          target
              .optionalDuration("ringTimeout")
              .orElseThrow(() -> target.error("ringTimeout", "is required"));
      targets.add(target.make(() -> new HandoffTarget(participant, ring)));
    }
    Optional<Transferee> transferee =
        in.optionalObject("transferee").map(HandoffJson::readTransferee);
    Optional<Prompt> holdAudio = in.optionalObject("holdAudio").map(HandoffJson::readPrompt);
    Fields briefingIn = in.object("briefing");
    Briefing briefing =
        new Briefing(
            briefingIn.optionalObject("prompt").map(HandoffJson::readPrompt),
            briefingIn
                .optionalObject("callingContext")
                .map(ContextJson::read)
                .orElse(CallingContext.EMPTY));
    Fallback fallback = readFallback(in.object("fallback"));
    Optional<PhoneNumber> callerId = readCallerId(in);
    return in.make(
        () ->
            new WarmHandoff(
                in.text("callId"),
                transferee,
                targets,
                holdAudio,
                briefing,
                fallback,
                callerId,
                in.optionalText("operationContext"),
                in.optionalUri("callbackUri")));
  }

  private static ObjectNode writeTransferee(Transferee transferee) {
    ObjectNode node = Json.object();
    node.set("participant", ParticipantJson.write(transferee.participant()));
    Json.putIfPresent(node, "callParticipantId", transferee.callParticipantId());
    return node;
  }

  private static Transferee readTransferee(Fields in) {
    return in.make(
        () ->
            new Transferee(
                ParticipantJson.read(in.object("participant")),
                in.optionalText("callParticipantId")));
  }

  private static ObjectNode writePrompt(Prompt prompt) {
    ObjectNode node = Json.object();
    if (prompt instanceof Prompt.Speech) {
      Prompt.Speech speech = (Prompt.Speech) prompt;
      node.put("type", SPEECH);
      node.put("text", speech.text());
      Json.putIfPresent(node, "locale", speech.locale());
      Json.putIfPresent(node, "voice", speech.voice());
    } else if (prompt instanceof Prompt.Audio) {
      node.put("type", AUDIO);
      node.put("uri", ((Prompt.Audio) prompt).uri().toString());
    } else {
      throw new IllegalArgumentException(
          "no document form for prompt type " + prompt.getClass().getName());
    }
    return node;
  }

  private static Prompt readPrompt(Fields in) {
    String type = in.text("type");
    if (SPEECH.equals(type)) {
      return in.make(
          () ->
              new Prompt.Speech(
                  in.text("text"), in.optionalText("locale"), in.optionalText("voice")));
    }
    if (AUDIO.equals(type)) {
      return in.make(
          () ->
              new Prompt.Audio(
                  in.optionalUri("uri").orElseThrow(() -> in.error("uri", "is required"))));
    }
    throw in.error("type", "must be " + SPEECH + " or " + AUDIO + ", was '" + type + "'");
  }

  private static ObjectNode writeFallback(Fallback fallback) {
    ObjectNode node = Json.object();
    if (fallback instanceof Fallback.ReturnToBot) {
      node.put("type", RETURN_TO_BOT);
    } else if (fallback instanceof Fallback.LastTarget) {
      node.put("type", LAST_TARGET);
      node.set(
          "participant", ParticipantJson.write(((Fallback.LastTarget) fallback).participant()));
    } else {
      throw new IllegalArgumentException(
          "no document form for fallback type " + fallback.getClass().getName());
    }
    return node;
  }

  private static Fallback readFallback(Fields in) {
    String type = in.text("type");
    if (RETURN_TO_BOT.equals(type)) {
      return Fallback.returnToBot();
    }
    if (LAST_TARGET.equals(type)) {
      Participant participant = ParticipantJson.read(in.object("participant"));
      return in.make(() -> Fallback.transferTo(participant));
    }
    throw in.error(
        "type", "must be " + RETURN_TO_BOT + " or " + LAST_TARGET + ", was '" + type + "'");
  }

  private static Optional<PhoneNumber> readCallerId(Fields in) {
    Optional<Fields> callerId = in.optionalObject("sourceCallerId");
    if (callerId.isEmpty()) {
      return Optional.empty();
    }
    Participant participant = ParticipantJson.read(callerId.get());
    if (!(participant instanceof PhoneNumber)) {
      throw callerId.get().error("kind", "a caller id must be a PHONE_NUMBER");
    }
    return Optional.of((PhoneNumber) participant);
  }

  static ObjectNode writeStep(StepEntry step) {
    ObjectNode node = Json.object();
    node.put("number", step.number());
    node.put("kind", step.kind().name());
    node.put("action", step.action().name());
    step.target().ifPresent(index -> node.put("target", index));
    node.put("status", step.status().name());
    Json.putPairs(node, "facts", step.facts());
    return node;
  }

  static StepEntry readStep(Fields in) {
    int number = in.smallInteger("number");
    StepKind kind = in.enumeration("kind", StepKind.class);
    CallAction action = in.enumeration("action", CallAction.class);
    StepStatus status = in.enumeration("status", StepStatus.class);
    return in.make(
        () ->
            new StepEntry(
                number,
                kind,
                action,
                in.optionalSmallInteger("target"),
                status,
                in.pairs("facts")));
  }
}
