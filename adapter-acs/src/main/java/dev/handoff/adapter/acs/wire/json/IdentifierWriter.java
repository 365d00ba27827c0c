package dev.handoff.adapter.acs.wire.json;

import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.CommunicationUserIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsAppIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsUserIdentifierModel;
import dev.handoff.adapter.acs.wire.PhoneNumberIdentifierModel;
import dev.handoff.adapter.acs.wire.TeamsExtensionUserIdentifierModel;

/** Writes {@code CommunicationIdentifierModel} and its sub-objects, members in record order. */
final class IdentifierWriter {
  private static final KnownMember KIND =
      new KnownMember(
          "kind",
          CommunicationIdentifierModel.KIND_PHONE_NUMBER,
          CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_USER,
          CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_APP,
          CommunicationIdentifierModel.KIND_COMMUNICATION_USER,
          CommunicationIdentifierModel.KIND_TEAMS_EXTENSION_USER,
          CommunicationIdentifierModel.KIND_UNKNOWN);
  private static final byte[] RAW_ID = JsonWriter.encodeName("rawId");
  private static final byte[] COMMUNICATION_USER = JsonWriter.encodeName("communicationUser");
  private static final byte[] PHONE_NUMBER = JsonWriter.encodeName("phoneNumber");
  private static final byte[] MICROSOFT_TEAMS_USER = JsonWriter.encodeName("microsoftTeamsUser");
  private static final byte[] MICROSOFT_TEAMS_APP = JsonWriter.encodeName("microsoftTeamsApp");
  private static final byte[] TEAMS_EXTENSION_USER = JsonWriter.encodeName("teamsExtensionUser");
  private static final byte[] ID = JsonWriter.encodeName("id");
  private static final byte[] VALUE = JsonWriter.encodeName("value");
  private static final byte[] IS_ANONYMOUS = JsonWriter.encodeName("isAnonymous");
  private static final byte[] ASSERTED_ID = JsonWriter.encodeName("assertedId");
  private static final byte[] USER_ID = JsonWriter.encodeName("userId");

  /** The clouds' wire names; string literals, so the very strings the domain's clouds hold. */
  private static final KnownMember CLOUD = new KnownMember("cloud", "public", "dod", "gcch");

  private static final byte[] APP_ID = JsonWriter.encodeName("appId");
  private static final byte[] TENANT_ID = JsonWriter.encodeName("tenantId");
  private static final byte[] RESOURCE_ID = JsonWriter.encodeName("resourceId");

  private IdentifierWriter() {}

  static void identifier(JsonWriter json, CommunicationIdentifierModel id) {
    json.beginObject();
    json.member(KIND, id.kind());
    json.member(RAW_ID, id.rawId());
    json.member(COMMUNICATION_USER, id.communicationUser(), IdentifierWriter::communicationUser);
    json.member(PHONE_NUMBER, id.phoneNumber(), IdentifierWriter::phoneNumber);
    json.member(MICROSOFT_TEAMS_USER, id.microsoftTeamsUser(), IdentifierWriter::teamsUser);
    json.member(MICROSOFT_TEAMS_APP, id.microsoftTeamsApp(), IdentifierWriter::teamsApp);
    json.member(TEAMS_EXTENSION_USER, id.teamsExtensionUser(), IdentifierWriter::extensionUser);
    json.endObject();
  }

  /** Also the bare {@code sourceCallerIdNumber}. */
  static void phoneNumber(JsonWriter json, PhoneNumberIdentifierModel phone) {
    json.beginObject();
    json.member(VALUE, phone.value());
    json.member(IS_ANONYMOUS, phone.isAnonymous());
    json.member(ASSERTED_ID, phone.assertedId());
    json.endObject();
  }

  private static void communicationUser(JsonWriter json, CommunicationUserIdentifierModel user) {
    json.beginObject();
    json.member(ID, user.id());
    json.endObject();
  }

  private static void teamsUser(JsonWriter json, MicrosoftTeamsUserIdentifierModel user) {
    json.beginObject();
    json.member(USER_ID, user.userId());
    json.member(IS_ANONYMOUS, user.isAnonymous());
    json.member(CLOUD, user.cloud());
    json.endObject();
  }

  private static void teamsApp(JsonWriter json, MicrosoftTeamsAppIdentifierModel app) {
    json.beginObject();
    json.member(APP_ID, app.appId());
    json.member(CLOUD, app.cloud());
    json.endObject();
  }

  private static void extensionUser(JsonWriter json, TeamsExtensionUserIdentifierModel user) {
    json.beginObject();
    json.member(USER_ID, user.userId());
    json.member(TENANT_ID, user.tenantId());
    json.member(RESOURCE_ID, user.resourceId());
    json.member(CLOUD, user.cloud());
    json.endObject();
  }
}
