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
    participant.accept(
        new Participant.Visitor<Void>() {
          @Override
          public Void acsUser(AcsUser user) {
            out.put("id", user.id());
            return null;
          }

          @Override
          public Void phoneNumber(PhoneNumber phone) {
            out.put("value", phone.value());
            out.put("anonymous", phone.anonymous());
            Json.putIfPresent(out, "assertedId", phone.assertedId());
            return null;
          }

          @Override
          public Void teamsUser(TeamsUser user) {
            out.put("userId", user.userId());
            Json.putIfPresent(out, "tenantId", user.tenantId());
            out.put("cloud", user.cloud().name());
            out.put("anonymous", user.anonymous());
            return null;
          }

          @Override
          public Void teamsApp(TeamsApp app) {
            out.put("appId", app.appId());
            out.put("type", app.type().name());
            Json.putIfPresent(out, "tenantId", app.tenantId());
            out.put("cloud", app.cloud().name());
            return null;
          }

          @Override
          public Void teamsExtensionUser(TeamsExtensionUser user) {
            out.put("userId", user.userId());
            out.put("tenantId", user.tenantId());
            out.put("resourceId", user.resourceId());
            out.put("cloud", user.cloud().name());
            return null;
          }

          @Override
          public Void raw(RawParticipant raw) {
            out.put("rawId", raw.rawId());
            return null;
          }
        });
    Json.putIfPresent(out, "displayName", participant.displayName());
    return out;
  }

  static Participant read(Fields in) {
    ParticipantKind kind = in.enumeration("kind", ParticipantKind.class);
    return switch (kind) {
      case ACS_USER -> {
        String id = in.text("id");
        yield in.make(() -> new AcsUser(id, in.optionalText("displayName")));
      }
      case PHONE_NUMBER ->
          in.make(
              () ->
                  new PhoneNumber(
                      in.text("value"),
                      in.bool("anonymous"),
                      in.optionalText("assertedId"),
                      in.optionalText("displayName")));
      case TEAMS_USER ->
          in.make(
              () ->
                  new TeamsUser(
                      in.text("userId"),
                      in.optionalText("tenantId"),
                      in.enumeration("cloud", Cloud.class),
                      in.bool("anonymous"),
                      in.optionalText("displayName")));
      case TEAMS_APP ->
          in.make(
              () ->
                  new TeamsApp(
                      in.text("appId"),
                      in.enumeration("type", TeamsApp.Type.class),
                      in.optionalText("tenantId"),
                      in.enumeration("cloud", Cloud.class),
                      in.optionalText("displayName")));
      case TEAMS_EXTENSION_USER ->
          in.make(
              () ->
                  new TeamsExtensionUser(
                      in.text("userId"),
                      in.text("tenantId"),
                      in.text("resourceId"),
                      in.enumeration("cloud", Cloud.class),
                      in.optionalText("displayName")));
      case RAW -> {
        String rawId = in.text("rawId");
        if (in.has("displayName")) {
          throw in.error("displayName", "a RAW participant has no display name");
        }
        yield in.make(() -> new RawParticipant(rawId));
      }
    };
  }
}
