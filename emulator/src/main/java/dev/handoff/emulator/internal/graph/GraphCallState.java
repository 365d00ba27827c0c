package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.state.IdSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated Graph call of the bot. Guarded by its own lock. */
final class GraphCallState {

  /** A participant of the call other than the bot. */
  record Member(String participantId, ObjectNode identity) {}

  final String id;
  final String tenantId;
  final String callbackUri;
  final String direction;
  final String callChainId;
  final String myParticipantId;
  final Instant createdAt;
  final IdSource ids;
  final boolean group;
  final ObjectNode source;
  final ObjectNode botIdentity;
  final List<Member> members = new ArrayList<>();
  final Map<String, ObjectNode> operations = new LinkedHashMap<>();

  /** Who is on hold, by participant id, with what they hear ({@code hold: …}). */
  final Map<String, String> holds = new LinkedHashMap<>();

  /** Who hears a prompt right now, by participant id, with the prompt ({@code prompt: …}). */
  final Map<String, String> prompts = new LinkedHashMap<>();

  /** Whom a call the bot placed is ringing, until they answer; null otherwise. */
  ObjectNode ringing;

  /** The scheduled answer (or end) of a call the bot placed. */
  java.util.concurrent.Future<?> answer;

  String state;
  boolean meetingMode;

  /** Whether a completed transfer out of this group call keeps the bot in it (roster shape). */
  boolean rosterTransferEnd;

  GraphCallState(
      String id,
      String tenantId,
      String callbackUri,
      String direction,
      String callChainId,
      String myParticipantId,
      Instant createdAt,
      IdSource ids,
      boolean group,
      ObjectNode source,
      ObjectNode botIdentity,
      String state) {
    this.id = id;
    this.tenantId = tenantId;
    this.callbackUri = callbackUri;
    this.direction = direction;
    this.callChainId = callChainId;
    this.myParticipantId = myParticipantId;
    this.createdAt = createdAt;
    this.ids = ids;
    this.group = group;
    this.source = source;
    this.botIdentity = botIdentity;
    this.state = state;
    this.meetingMode = group;
  }

  String resourceUrl() {
    return "/communications/calls/" + id;
  }
}
