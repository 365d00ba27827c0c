package dev.handoff.emulator.internal.acs;

import dev.handoff.emulator.internal.state.IdSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/** One emulated ACS call connection (the app's leg of a call). Guarded by its own lock. */
final class AcsCallConnection {

  /** The wire values of {@code CallConnectionStateModel}. */
  enum State {
    CONNECTED("connected"),
    TRANSFERRING("transferring"),
    TRANSFER_ACCEPTED("transferAccepted"),
    DISCONNECTED("disconnected");

    final String wire;

    State(String wire) {
      this.wire = wire;
    }
  }

  /** An add-participant invitation. */
  static final class Invitation {
    final String invitationId;
    final AcsIdentifier participant;
    final String operationContext;
    final String callbackUri;
    Future<?> completion;
    boolean settled;

    Invitation(
        String invitationId,
        AcsIdentifier participant,
        String operationContext,
        String callbackUri) {
      this.invitationId = invitationId;
      this.participant = participant;
      this.operationContext = operationContext;
      this.callbackUri = callbackUri;
    }
  }

  final String callConnectionId;
  final String serverCallId;
  final String correlationId;
  final String callbackUri;
  final AcsIdentifier source;
  final String apiVersion;
  final IdSource ids;
  final List<AcsIdentifier> participants;
  final Map<String, Invitation> invitations = new LinkedHashMap<>();

  /** Who is on hold, by raw id, with what they hear ({@code hold: …}). */
  final Map<String, String> holds = new LinkedHashMap<>();

  /** Who hears a prompt right now, by raw id, with the prompt ({@code prompt: …}). */
  final Map<String, String> prompts = new LinkedHashMap<>();

  /**
   * Whether the call as a whole is over for its participants (not only the application's leg): a
   * participant left alone when the application hung up is dropped.
   */
  boolean ended;

  State state = State.CONNECTED;
  int sequenceNumber;

  AcsCallConnection(
      String callConnectionId,
      String serverCallId,
      String correlationId,
      String callbackUri,
      AcsIdentifier source,
      List<AcsIdentifier> participants,
      String apiVersion,
      IdSource ids) {
    this.callConnectionId = callConnectionId;
    this.serverCallId = serverCallId;
    this.correlationId = correlationId;
    this.callbackUri = callbackUri;
    this.source = source;
    this.participants = new ArrayList<>(participants);
    this.apiVersion = apiVersion;
    this.ids = ids;
  }

  /** A group call has the app and at least two others; a 1:1 call has one other. */
  boolean isGroup() {
    return participants.size() > 1;
  }

  Optional<AcsIdentifier> participant(AcsIdentifier identifier) {
    return participants.stream().filter(p -> p.rawId().equals(identifier.rawId())).findFirst();
  }

  /** A server call id: base64url of a locator URL, like the service's. */
  static String newServerCallId(IdSource ids) {
    String locator =
        "https://emulator.handoff.dev/conv/" + ids.token(16) + "?i=" + ids.uuidString();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(locator.getBytes(StandardCharsets.UTF_8));
  }
}
