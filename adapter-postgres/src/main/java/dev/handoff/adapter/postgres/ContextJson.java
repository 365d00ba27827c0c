package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import java.util.Optional;

/** Calling context in the stored document, Teams phone call details included, maps in order. */
final class ContextJson {
  private ContextJson() {}

  static ObjectNode write(CallingContext context) {
    ObjectNode out = Json.object();
    Json.putIfPresent(out, "userToUser", context.userToUser());
    Json.putPairs(out, "sipHeaders", context.sipHeaders());
    Json.putPairs(out, "voipHeaders", context.voipHeaders());
    Json.putNodeIfPresent(
        out, "teamsPhoneCallDetails", context.teamsPhoneCallDetails().map(ContextJson::details));
    return out;
  }

  static CallingContext read(Fields in) {
    return in.make(
        () ->
            new CallingContext(
                in.optionalText("userToUser"),
                in.pairs("sipHeaders"),
                in.pairs("voipHeaders"),
                in.optionalObject("teamsPhoneCallDetails").map(ContextJson::readDetails)));
  }

  static ObjectNode details(TeamsPhoneCallDetails details) {
    ObjectNode out = Json.object();
    Json.putNodeIfPresent(out, "callerDetails", details.callerDetails().map(ContextJson::caller));
    Json.putNodeIfPresent(out, "sourceDetails", details.sourceDetails().map(ContextJson::source));
    Json.putIfPresent(out, "sessionId", details.sessionId());
    Json.putIfPresent(out, "intent", details.intent());
    Json.putIfPresent(out, "callTopic", details.callTopic());
    Json.putIfPresent(out, "callContext", details.callContext());
    Json.putIfPresent(out, "transcriptUrl", details.transcriptUrl());
    Json.putIfPresent(out, "callSentiment", details.callSentiment());
    Json.putIfPresent(out, "suggestedActions", details.suggestedActions());
    return out;
  }

  static TeamsPhoneCallDetails readDetails(Fields in) {
    return in.make(
        () ->
            new TeamsPhoneCallDetails(
                in.optionalObject("callerDetails").map(ContextJson::readCaller),
                in.optionalObject("sourceDetails").map(ContextJson::readSource),
                in.optionalText("sessionId"),
                in.optionalText("intent"),
                in.optionalText("callTopic"),
                in.optionalText("callContext"),
                in.optionalUri("transcriptUrl"),
                in.optionalText("callSentiment"),
                in.optionalText("suggestedActions")));
  }

  private static ObjectNode caller(TeamsPhoneCallerDetails caller) {
    ObjectNode out = Json.object();
    out.set("caller", ParticipantJson.write(caller.caller()));
    out.put("name", caller.name());
    out.put("phoneNumber", caller.phoneNumber());
    Json.putIfPresent(out, "recordId", caller.recordId());
    Json.putIfPresent(out, "screenPopUrl", caller.screenPopUrl());
    caller.authenticated().ifPresent(value -> out.put("authenticated", value));
    Json.putPairs(out, "additionalCallerInformation", caller.additionalCallerInformation());
    return out;
  }

  private static TeamsPhoneCallerDetails readCaller(Fields in) {
    return in.make(
        () ->
            new TeamsPhoneCallerDetails(
                ParticipantJson.read(in.object("caller")),
                in.text("name"),
                in.text("phoneNumber"),
                in.optionalText("recordId"),
                in.optionalUri("screenPopUrl"),
                in.optionalBool("authenticated"),
                in.pairs("additionalCallerInformation")));
  }

  private static ObjectNode source(TeamsPhoneSourceDetails source) {
    ObjectNode out = Json.object();
    out.set("source", ParticipantJson.write(source.source()));
    out.put("language", source.language());
    out.put("status", source.status());
    Json.putPairs(out, "intendedTargets", source.intendedTargets(), ParticipantJson::write);
    return out;
  }

  private static TeamsPhoneSourceDetails readSource(Fields in) {
    return in.make(
        () ->
            new TeamsPhoneSourceDetails(
                ParticipantJson.read(in.object("source")),
                in.text("language"),
                in.text("status"),
                in.objectPairs("intendedTargets", ParticipantJson::read)));
  }

  /** Leaves the empty context out of the document. */
  static void putIfNotEmpty(ObjectNode target, String field, CallingContext context) {
    Json.putNodeIfPresent(
        target, field, Optional.of(context).filter(c -> !c.isEmpty()).map(ContextJson::write));
  }
}
