package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;

/**
 * Participants in the stored document: every field of every kind, tagged with the {@link
 * ParticipantKind}, so that display names, clouds, tenants, app types and asserted ids survive (a
 * raw id alone would lose them).
 */
final class ParticipantJson {
  private ParticipantJson() {}

  static ObjectNode write(Participant participant) {
    ObjectNode out = Json.object();
    out.put("kind", participant.kind().name());
    if (participant instanceof AcsUser) {
      AcsUser user = (AcsUser) participant;
      out.put("id", user.id());
    } else if (participant instanceof PhoneNumber) {
      PhoneNumber phone = (PhoneNumber) participant;
      out.put("value", phone.value());
      out.put("anonymous", phone.anonymous());
      Json.putIfPresent(out, "assertedId", phone.assertedId());
    } else if (participant instanceof TeamsUser) {
      TeamsUser user = (TeamsUser) participant;
      out.put("userId", user.userId());
      Json.putIfPresent(out, "tenantId", user.tenantId());
      out.put("cloud", user.cloud().name());
      out.put("anonymous", user.anonymous());
    } else if (participant instanceof TeamsApp) {
      TeamsApp app = (TeamsApp) participant;
      out.put("appId", app.appId());
      out.put("type", app.type().name());
      Json.putIfPresent(out, "tenantId", app.tenantId());
      out.put("cloud", app.cloud().name());
    } else if (participant instanceof TeamsExtensionUser) {
      TeamsExtensionUser user = (TeamsExtensionUser) participant;
      out.put("userId", user.userId());
      out.put("tenantId", user.tenantId());
      out.put("resourceId", user.resourceId());
      out.put("cloud", user.cloud().name());
    } else if (participant instanceof RawParticipant) {
      out.put("rawId", participant.rawId());
    } else {
      throw new IllegalArgumentException(
          "no document form for participant type " + participant.getClass().getName());
    }
    Json.putIfPresent(out, "displayName", participant.displayName());
    return out;
  }

  static Participant read(Fields in) {
    ParticipantKind kind = in.enumeration("kind", ParticipantKind.class);
    switch (kind) {
      case ACS_USER:
        String id = in.text("id");
        return in.make(() -> new AcsUser(id, in.optionalText("displayName")));
      case PHONE_NUMBER:
        return in.make(
            () ->
                new PhoneNumber(
                    in.text("value"),
                    in.bool("anonymous"),
                    in.optionalText("assertedId"),
                    in.optionalText("displayName")));
      case TEAMS_USER:
        return in.make(
            () ->
                new TeamsUser(
                    in.text("userId"),
                    in.optionalText("tenantId"),
                    in.enumeration("cloud", Cloud.class),
                    in.bool("anonymous"),
                    in.optionalText("displayName")));
      case TEAMS_APP:
        return in.make(
            () ->
                new TeamsApp(
                    in.text("appId"),
                    in.enumeration("type", TeamsApp.Type.class),
                    in.optionalText("tenantId"),
                    in.enumeration("cloud", Cloud.class),
                    in.optionalText("displayName")));
      case TEAMS_EXTENSION_USER:
        return in.make(
            () ->
                new TeamsExtensionUser(
                    in.text("userId"),
                    in.text("tenantId"),
                    in.text("resourceId"),
                    in.enumeration("cloud", Cloud.class),
                    in.optionalText("displayName")));
      case RAW:
        String rawId = in.text("rawId");
        if (in.has("displayName")) {
          throw in.error("displayName", "a RAW participant has no display name");
        }
        return in.make(() -> new RawParticipant(rawId));
      default:
        throw in.error("kind", "no document form for participant kind " + kind);
    }
  }
}
