package dev.handoff.adapter.acs.wire.json;

import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.CommunicationUserIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsAppIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsUserIdentifierModel;
import dev.handoff.adapter.acs.wire.PhoneNumberIdentifierModel;
import dev.handoff.adapter.acs.wire.TeamsExtensionUserIdentifierModel;

/**
 * Writes {@code CommunicationIdentifierModel} and its sub-objects, members in record order. Each
 * object member has its own static writer, called directly: one generic writer taking a method
 * reference made every such call a virtual call the compiler could not inline.
 */
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

  /**
   * @param json the writer
   * @param name the member's name
   * @param id its value; the member is left out when null
   */
  static void identifier(JsonWriter json, byte[] name, CommunicationIdentifierModel id) {
    if (id != null) {
      json.name(name);
      identifier(json, id);
    }
  }

  /** The value alone, as an element of a list or a map. */
  static void identifier(JsonWriter json, CommunicationIdentifierModel id) {
    json.beginObject();
    json.member(KIND, id.kind());
    json.member(RAW_ID, id.rawId());
    communicationUser(json, COMMUNICATION_USER, id.communicationUser());
    phoneNumber(json, PHONE_NUMBER, id.phoneNumber());
    teamsUser(json, MICROSOFT_TEAMS_USER, id.microsoftTeamsUser());
    teamsApp(json, MICROSOFT_TEAMS_APP, id.microsoftTeamsApp());
    extensionUser(json, TEAMS_EXTENSION_USER, id.teamsExtensionUser());
    json.endObject();
  }

  /** Also the bare {@code sourceCallerIdNumber}; left out when null. */
  static void phoneNumber(JsonWriter json, byte[] name, PhoneNumberIdentifierModel phone) {
    if (phone == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(VALUE, phone.value());
    json.member(IS_ANONYMOUS, phone.isAnonymous());
    json.member(ASSERTED_ID, phone.assertedId());
    json.endObject();
  }

  private static void communicationUser(
      JsonWriter json, byte[] name, CommunicationUserIdentifierModel user) {
    if (user == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(ID, user.id());
    json.endObject();
  }

  private static void teamsUser(
      JsonWriter json, byte[] name, MicrosoftTeamsUserIdentifierModel user) {
    if (user == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(USER_ID, user.userId());
    json.member(IS_ANONYMOUS, user.isAnonymous());
    json.member(CLOUD, user.cloud());
    json.endObject();
  }

  private static void teamsApp(JsonWriter json, byte[] name, MicrosoftTeamsAppIdentifierModel app) {
    if (app == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(APP_ID, app.appId());
    json.member(CLOUD, app.cloud());
    json.endObject();
  }

  private static void extensionUser(
      JsonWriter json, byte[] name, TeamsExtensionUserIdentifierModel user) {
    if (user == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(USER_ID, user.userId());
    json.member(TENANT_ID, user.tenantId());
    json.member(RESOURCE_ID, user.resourceId());
    json.member(CLOUD, user.cloud());
    json.endObject();
  }
}
