package dev.handoff.adapter.acs.wire.json;

import dev.handoff.adapter.acs.wire.AddParticipantRequest;
import dev.handoff.adapter.acs.wire.CancelAddParticipantRequest;
import dev.handoff.adapter.acs.wire.HoldRequest;
import dev.handoff.adapter.acs.wire.PlayRequest;
import dev.handoff.adapter.acs.wire.RedirectCallRequest;
import dev.handoff.adapter.acs.wire.RemoveParticipantRequest;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.adapter.acs.wire.UnholdRequest;

/**
 * Writes the bodies of the requests the adapter sends, as UTF-8 JSON: the same bytes as {@code
 * AcsJson.mapper().writeValueAsBytes(request)} (members in the records' order, absent values left
 * out, nothing but the records' own properties), without Jackson's data binding, which cost more
 * than the whole of the ACS SDK's request path. Jackson still reads every answer and event.
 * Stateless and thread-safe.
 */
public final class RequestWriter {
  private static final byte[] TARGET_PARTICIPANT = JsonWriter.encodeName("targetParticipant");
  private static final byte[] OPERATION_CONTEXT = JsonWriter.encodeName("operationContext");
  private static final byte[] TRANSFEREE = JsonWriter.encodeName("transferee");
  private static final byte[] OPERATION_CALLBACK_URI =
      JsonWriter.encodeName("operationCallbackUri");
  private static final byte[] CUSTOM_CALLING_CONTEXT =
      JsonWriter.encodeName("customCallingContext");
  private static final byte[] SOURCE_CALLER_ID_NUMBER =
      JsonWriter.encodeName("sourceCallerIdNumber");
  private static final byte[] SOURCE_DISPLAY_NAME = JsonWriter.encodeName("sourceDisplayName");
  private static final byte[] PARTICIPANT_TO_ADD = JsonWriter.encodeName("participantToAdd");
  private static final byte[] INVITATION_TIMEOUT =
      JsonWriter.encodeName("invitationTimeoutInSeconds");
  private static final byte[] INVITATION_ID = JsonWriter.encodeName("invitationId");
  private static final byte[] INCOMING_CALL_CONTEXT = JsonWriter.encodeName("incomingCallContext");
  private static final byte[] TARGET = JsonWriter.encodeName("target");
  private static final byte[] PLAY_SOURCE_INFO = JsonWriter.encodeName("playSourceInfo");
  private static final byte[] PLAY_SOURCES = JsonWriter.encodeName("playSources");
  private static final byte[] PLAY_TO = JsonWriter.encodeName("playTo");
  private static final byte[] INTERRUPT_CALL_MEDIA_OPERATION =
      JsonWriter.encodeName("interruptCallMediaOperation");
  private static final byte[] PLAY_OPTIONS = JsonWriter.encodeName("playOptions");
  private static final byte[] PARTICIPANT_TO_REMOVE = JsonWriter.encodeName("participantToRemove");

  private RequestWriter() {}

  /**
   * @param request a transfer
   * @return its body
   */
  public static byte[] write(TransferToParticipantRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    IdentifierWriter.identifier(json, TARGET_PARTICIPANT, request.targetParticipant());
    json.member(OPERATION_CONTEXT, request.operationContext());
    IdentifierWriter.identifier(json, TRANSFEREE, request.transferee());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    CallingContextWriter.context(json, CUSTOM_CALLING_CONTEXT, request.customCallingContext());
    IdentifierWriter.phoneNumber(json, SOURCE_CALLER_ID_NUMBER, request.sourceCallerIdNumber());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request an invitation
   * @return its body
   */
  public static byte[] write(AddParticipantRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    IdentifierWriter.phoneNumber(json, SOURCE_CALLER_ID_NUMBER, request.sourceCallerIdNumber());
    json.member(SOURCE_DISPLAY_NAME, request.sourceDisplayName());
    IdentifierWriter.identifier(json, PARTICIPANT_TO_ADD, request.participantToAdd());
    json.member(INVITATION_TIMEOUT, request.invitationTimeoutInSeconds());
    json.member(OPERATION_CONTEXT, request.operationContext());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    CallingContextWriter.context(json, CUSTOM_CALLING_CONTEXT, request.customCallingContext());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request the withdrawal of an invitation
   * @return its body
   */
  public static byte[] write(CancelAddParticipantRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    json.member(INVITATION_ID, request.invitationId());
    json.member(OPERATION_CONTEXT, request.operationContext());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request a redirect of an incoming call
   * @return its body
   */
  public static byte[] write(RedirectCallRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    json.member(INCOMING_CALL_CONTEXT, request.incomingCallContext());
    IdentifierWriter.identifier(json, TARGET, request.target());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request putting a participant on hold
   * @return its body
   */
  public static byte[] write(HoldRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    IdentifierWriter.identifier(json, TARGET_PARTICIPANT, request.targetParticipant());
    PlaySourceWriter.playSource(json, PLAY_SOURCE_INFO, request.playSourceInfo());
    json.member(OPERATION_CONTEXT, request.operationContext());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request taking a participant off hold
   * @return its body
   */
  public static byte[] write(UnholdRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    IdentifierWriter.identifier(json, TARGET_PARTICIPANT, request.targetParticipant());
    json.member(OPERATION_CONTEXT, request.operationContext());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request playing media
   * @return its body
   */
  public static byte[] write(PlayRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    json.listMember(PLAY_SOURCES, request.playSources(), PlaySourceWriter::playSource);
    json.listMember(PLAY_TO, request.playTo(), IdentifierWriter::identifier);
    json.member(INTERRUPT_CALL_MEDIA_OPERATION, request.interruptCallMediaOperation());
    PlaySourceWriter.playOptions(json, PLAY_OPTIONS, request.playOptions());
    json.member(OPERATION_CONTEXT, request.operationContext());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    json.endObject();
    return json.toBytes();
  }

  /**
   * @param request removing a participant
   * @return its body
   */
  public static byte[] write(RemoveParticipantRequest request) {
    JsonWriter json = JsonWriter.reusable();
    json.beginObject();
    IdentifierWriter.identifier(json, PARTICIPANT_TO_REMOVE, request.participantToRemove());
    json.member(OPERATION_CONTEXT, request.operationContext());
    json.member(OPERATION_CALLBACK_URI, request.operationCallbackUri());
    json.endObject();
    return json.toBytes();
  }
}
