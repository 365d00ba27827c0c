package dev.handoff.adapter.acs.wire.json;

import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.TeamsPhoneCallDetails;
import dev.handoff.adapter.acs.wire.TeamsPhoneCallerDetails;
import dev.handoff.adapter.acs.wire.TeamsPhoneSourceDetails;

/**
 * Writes {@code CustomCallingContext} and the Teams phone call details, members in record order.
 */
final class CallingContextWriter {
  private static final byte[] VOIP_HEADERS = JsonWriter.encodeName("voipHeaders");
  private static final byte[] SIP_HEADERS = JsonWriter.encodeName("sipHeaders");
  private static final byte[] TEAMS_PHONE_CALL_DETAILS =
      JsonWriter.encodeName("teamsPhoneCallDetails");
  private static final byte[] TEAMS_PHONE_CALLER_DETAILS =
      JsonWriter.encodeName("teamsPhoneCallerDetails");
  private static final byte[] TEAMS_PHONE_SOURCE_DETAILS =
      JsonWriter.encodeName("teamsPhoneSourceDetails");
  private static final byte[] SESSION_ID = JsonWriter.encodeName("sessionId");
  private static final byte[] INTENT = JsonWriter.encodeName("intent");
  private static final byte[] CALL_TOPIC = JsonWriter.encodeName("callTopic");
  private static final byte[] CALL_CONTEXT = JsonWriter.encodeName("callContext");
  private static final byte[] TRANSCRIPT_URL = JsonWriter.encodeName("transcriptUrl");
  private static final byte[] CALL_SENTIMENT = JsonWriter.encodeName("callSentiment");
  private static final byte[] SUGGESTED_ACTIONS = JsonWriter.encodeName("suggestedActions");
  private static final byte[] CALLER = JsonWriter.encodeName("caller");
  private static final byte[] NAME = JsonWriter.encodeName("name");
  private static final byte[] PHONE_NUMBER = JsonWriter.encodeName("phoneNumber");
  private static final byte[] RECORD_ID = JsonWriter.encodeName("recordId");
  private static final byte[] SCREEN_POP_URL = JsonWriter.encodeName("screenPopUrl");
  private static final byte[] IS_AUTHENTICATED = JsonWriter.encodeName("isAuthenticated");
  private static final byte[] ADDITIONAL_CALLER_INFORMATION =
      JsonWriter.encodeName("additionalCallerInformation");
  private static final byte[] SOURCE = JsonWriter.encodeName("source");
  private static final byte[] LANGUAGE = JsonWriter.encodeName("language");
  private static final byte[] STATUS = JsonWriter.encodeName("status");
  private static final byte[] INTENDED_TARGETS = JsonWriter.encodeName("intendedTargets");

  private CallingContextWriter() {}

  /**
   * @param json the writer
   * @param name the member's name
   * @param context its value; the member is left out when null
   */
  static void context(JsonWriter json, byte[] name, CustomCallingContext context) {
    if (context == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.stringsMember(VOIP_HEADERS, context.voipHeaders());
    json.stringsMember(SIP_HEADERS, context.sipHeaders());
    callDetails(json, TEAMS_PHONE_CALL_DETAILS, context.teamsPhoneCallDetails());
    json.endObject();
  }

  private static void callDetails(JsonWriter json, byte[] name, TeamsPhoneCallDetails details) {
    if (details == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    callerDetails(json, TEAMS_PHONE_CALLER_DETAILS, details.teamsPhoneCallerDetails());
    sourceDetails(json, TEAMS_PHONE_SOURCE_DETAILS, details.teamsPhoneSourceDetails());
    json.member(SESSION_ID, details.sessionId());
    json.member(INTENT, details.intent());
    json.member(CALL_TOPIC, details.callTopic());
    json.member(CALL_CONTEXT, details.callContext());
    json.member(TRANSCRIPT_URL, details.transcriptUrl());
    json.member(CALL_SENTIMENT, details.callSentiment());
    json.member(SUGGESTED_ACTIONS, details.suggestedActions());
    json.endObject();
  }

  private static void callerDetails(JsonWriter json, byte[] name, TeamsPhoneCallerDetails caller) {
    if (caller == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    IdentifierWriter.identifier(json, CALLER, caller.caller());
    json.member(NAME, caller.name());
    json.member(PHONE_NUMBER, caller.phoneNumber());
    json.member(RECORD_ID, caller.recordId());
    json.member(SCREEN_POP_URL, caller.screenPopUrl());
    json.member(IS_AUTHENTICATED, caller.isAuthenticated());
    json.stringsMember(ADDITIONAL_CALLER_INFORMATION, caller.additionalCallerInformation());
    json.endObject();
  }

  private static void sourceDetails(JsonWriter json, byte[] name, TeamsPhoneSourceDetails source) {
    if (source == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    IdentifierWriter.identifier(json, SOURCE, source.source());
    json.member(LANGUAGE, source.language());
    json.member(STATUS, source.status());
    json.mapMember(INTENDED_TARGETS, source.intendedTargets(), IdentifierWriter::identifier);
    json.endObject();
  }
}
