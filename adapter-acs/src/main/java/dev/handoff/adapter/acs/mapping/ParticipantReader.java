package dev.handoff.adapter.acs.mapping;

import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.CommunicationUserIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsAppIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsUserIdentifierModel;
import dev.handoff.adapter.acs.wire.PhoneNumberIdentifierModel;
import dev.handoff.adapter.acs.wire.TeamsExtensionUserIdentifierModel;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads identifiers the service reports (in answers and events) back into participants.
 *
 * <p>Tolerant where the contract is: {@code kind} is optional and inferred from the one sub-object;
 * without a sub-object the raw id is read with {@link Participant#fromRawId(String)}; an unknown
 * {@code kind} with a raw id becomes whatever the raw id denotes. When a sub-object's values do not
 * make a valid participant (say a phone number that is not E.164) the raw id decides, so nothing is
 * lost. Strict where the contract is: more than one sub-object, a {@code kind} contradicting the
 * sub-object, or neither sub-object nor raw id is a {@link WireFormatException}.
 */
public final class ParticipantReader {
  private ParticipantReader() {}

  /**
   * @param model the identifier as received
   * @param path where it sits, for error messages, e.g. {@code data.participant}
   * @return the participant
   * @throws WireFormatException when the identifier is malformed
   */
  public static Participant read(CommunicationIdentifierModel model, String path) {
    if (model == null) {
      throw new WireFormatException(path, "is missing");
    }
    List<String> present = subObjects(model);
    if (present.size() > 1) {
      throw new WireFormatException(
          path,
          "carries more than one identifier sub-object " + present + ", at most one is allowed");
    }
    Optional<String> rawId = Optional.ofNullable(model.rawId()).filter(id -> !id.isBlank());
    if (present.isEmpty()) {
      return rawId
          .map(Participant::fromRawId)
          .orElseThrow(
              () ->
                  new WireFormatException(
                      path, "has neither an identifier sub-object nor a rawId"));
    }
    String carried = present.get(0);
    if (model.kind() != null && isKnownKind(model.kind()) && !model.kind().equals(carried)) {
      throw new WireFormatException(
          path + ".kind", "is '" + model.kind() + "' but the identifier carries '" + carried + "'");
    }
    try {
      return typed(model);
    } catch (ValidationException | IllegalArgumentException invalid) {
      return rawId
          .map(Participant::fromRawId)
          .orElseThrow(
              () ->
                  new WireFormatException(
                      path + "." + carried, "is not a valid identifier: " + invalid.getMessage()));
    }
  }

  private static List<String> subObjects(CommunicationIdentifierModel model) {
    List<String> present = new ArrayList<>(1);
    if (model.communicationUser() != null) {
      present.add(CommunicationIdentifierModel.KIND_COMMUNICATION_USER);
    }
    if (model.phoneNumber() != null) {
      present.add(CommunicationIdentifierModel.KIND_PHONE_NUMBER);
    }
    if (model.microsoftTeamsUser() != null) {
      present.add(CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_USER);
    }
    if (model.microsoftTeamsApp() != null) {
      present.add(CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_APP);
    }
    if (model.teamsExtensionUser() != null) {
      present.add(CommunicationIdentifierModel.KIND_TEAMS_EXTENSION_USER);
    }
    return present;
  }

  private static boolean isKnownKind(String kind) {
    return kind.equals(CommunicationIdentifierModel.KIND_COMMUNICATION_USER)
        || kind.equals(CommunicationIdentifierModel.KIND_PHONE_NUMBER)
        || kind.equals(CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_USER)
        || kind.equals(CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_APP)
        || kind.equals(CommunicationIdentifierModel.KIND_TEAMS_EXTENSION_USER);
  }

  private static Participant typed(CommunicationIdentifierModel model) {
    if (model.communicationUser() != null) {
      CommunicationUserIdentifierModel user = model.communicationUser();
      return AcsUser.of(user.id());
    }
    if (model.phoneNumber() != null) {
      return phone(model.phoneNumber());
    }
    if (model.microsoftTeamsUser() != null) {
      MicrosoftTeamsUserIdentifierModel user = model.microsoftTeamsUser();
      return new TeamsUser(
          user.userId(),
          Optional.empty(),
          cloud(user.cloud()),
          Boolean.TRUE.equals(user.isAnonymous()),
          Optional.empty());
    }
    if (model.microsoftTeamsApp() != null) {
      MicrosoftTeamsAppIdentifierModel app = model.microsoftTeamsApp();
      return TeamsApp.bot(app.appId()).withCloud(cloud(app.cloud()));
    }
    TeamsExtensionUserIdentifierModel user = model.teamsExtensionUser();
    return new TeamsExtensionUser(
        user.userId(), user.tenantId(), user.resourceId(), cloud(user.cloud()), Optional.empty());
  }

  /**
   * @param model a bare phone model
   * @return the phone number
   * @throws ValidationException when it is not a valid number
   */
  public static PhoneNumber phone(PhoneNumberIdentifierModel model) {
    PhoneNumber number =
        Boolean.TRUE.equals(model.isAnonymous())
            ? PhoneNumber.anonymousCaller()
            : PhoneNumber.of(model.value());
    return model.assertedId() == null ? number : number.withAssertedId(model.assertedId());
  }

  private static Cloud cloud(String wireName) {
    return wireName == null ? Cloud.PUBLIC : Cloud.fromWireName(wireName);
  }
}
