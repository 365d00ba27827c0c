package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * A participant on the wire, told apart by {@code kind}. Responses add {@code rawId}; a request may
 * carry it too, and then it must match.
 *
 * <p>Long because it is the wire form of all six participant kinds, one record each with its
 * OpenAPI schema.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ParticipantJson.AcsUserJson.class, name = "acsUser"),
  @JsonSubTypes.Type(value = ParticipantJson.PhoneNumberJson.class, name = "phoneNumber"),
  @JsonSubTypes.Type(value = ParticipantJson.TeamsUserJson.class, name = "teamsUser"),
  @JsonSubTypes.Type(value = ParticipantJson.TeamsAppJson.class, name = "teamsApp"),
  @JsonSubTypes.Type(
      value = ParticipantJson.TeamsExtensionUserJson.class,
      name = "teamsExtensionUser"),
  @JsonSubTypes.Type(value = ParticipantJson.RawJson.class, name = "raw")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Participant",
    description = "Who a call is handed to or from; the kind decides the other fields.",
    oneOf = {
      ParticipantJson.AcsUserJson.class,
      ParticipantJson.PhoneNumberJson.class,
      ParticipantJson.TeamsUserJson.class,
      ParticipantJson.TeamsAppJson.class,
      ParticipantJson.TeamsExtensionUserJson.class,
      ParticipantJson.RawJson.class
    },
    discriminatorProperty = "kind",
    discriminatorMapping = {
      @DiscriminatorMapping(value = "acsUser", schema = ParticipantJson.AcsUserJson.class),
      @DiscriminatorMapping(value = "phoneNumber", schema = ParticipantJson.PhoneNumberJson.class),
      @DiscriminatorMapping(value = "teamsUser", schema = ParticipantJson.TeamsUserJson.class),
      @DiscriminatorMapping(value = "teamsApp", schema = ParticipantJson.TeamsAppJson.class),
      @DiscriminatorMapping(
          value = "teamsExtensionUser",
          schema = ParticipantJson.TeamsExtensionUserJson.class),
      @DiscriminatorMapping(value = "raw", schema = ParticipantJson.RawJson.class)
    })
public sealed interface ParticipantJson {

  /**
   * @return the canonical raw id; set in responses
   */
  String rawId();

  /**
   * @return the domain participant
   * @throws dev.handoff.domain.ValidationException listing every broken rule, paths relative to
   *     this participant
   */
  Participant toDomain();

  /**
   * @param participant a domain participant
   * @return its wire form, with its raw id
   */
  static ParticipantJson of(Participant participant) {
    String raw = participant.rawId();
    String name = participant.displayName().orElse(null);
    return participant.accept(
        new Participant.Visitor<>() {
          @Override
          public ParticipantJson acsUser(AcsUser user) {
            return new AcsUserJson(user.id(), name, raw);
          }

          @Override
          public ParticipantJson phoneNumber(PhoneNumber phone) {
            return new PhoneNumberJson(phone.value(), name, raw);
          }

          @Override
          public ParticipantJson teamsUser(TeamsUser user) {
            return new TeamsUserJson(
                user.userId(),
                user.tenantId().orElse(null),
                user.cloud().wireName(),
                user.anonymous() ? Boolean.TRUE : null,
                name,
                raw);
          }

          @Override
          public ParticipantJson teamsApp(TeamsApp app) {
            return new TeamsAppJson(
                app.appId(),
                app.type() == TeamsApp.Type.APPLICATION ? "application" : "applicationInstance",
                app.tenantId().orElse(null),
                app.cloud().wireName(),
                name,
                raw);
          }

          @Override
          public ParticipantJson teamsExtensionUser(TeamsExtensionUser user) {
            return new TeamsExtensionUserJson(
                user.userId(),
                user.tenantId(),
                user.resourceId(),
                user.cloud().wireName(),
                name,
                raw);
          }

          @Override
          public ParticipantJson raw(RawParticipant participant) {
            return new RawJson(raw);
          }
        });
  }

  /**
   * Finishes a conversion: checks a raw id given in a request against the participant's own, and
   * throws every violation found.
   */
  private static Participant matching(Violations v, Participant participant, String rawId) {
    if (participant != null && rawId != null) {
      v.check(
          participant.rawId().equals(rawId),
          "rawId",
          "does not match the participant, whose raw id is " + participant.rawId(),
          rawId);
    }
    v.throwIfAny();
    return participant;
  }

  private static Cloud cloud(Violations v, String value) {
    if (value == null) {
      return Cloud.PUBLIC;
    }
    try {
      return Cloud.fromWireName(value);
    } catch (IllegalArgumentException unknown) {
      v.check(false, "cloud", "must be public, dod or gcch", value);
      return Cloud.PUBLIC;
    }
  }

  /**
   * An Azure Communication Services user.
   *
   * @param id the ACS user id
   * @param displayName an optional display name
   * @param rawId the raw id
   */
  @Schema(
      name = "AcsUser",
      requiredProperties = {"kind", "id"},
      properties =
          @SchemaProperty(
              name = "kind",
              type = SchemaType.STRING,
              enumeration = "acsUser",
              description = "Tells the participant kinds apart"))
  record AcsUserJson(String id, String displayName, String rawId) implements ParticipantJson {
    @Override
    public Participant toDomain() {
      Violations v = Violations.of("Participant");
      return matching(
          v, v.nested("", () -> new AcsUser(id, Optional.ofNullable(displayName))), rawId);
    }
  }

  /**
   * A phone number.
   *
   * @param value an E.164 number (separators allowed)
   * @param displayName an optional display name
   * @param rawId the raw id
   */
  @Schema(
      name = "PhoneNumber",
      requiredProperties = {"kind", "value"},
      properties =
          @SchemaProperty(
              name = "kind",
              type = SchemaType.STRING,
              enumeration = "phoneNumber",
              description = "Tells the participant kinds apart"))
  record PhoneNumberJson(String value, String displayName, String rawId)
      implements ParticipantJson {
    @Override
    public Participant toDomain() {
      Violations v = Violations.of("Participant");
      return matching(
          v,
          v.nested(
              "",
              () ->
                  PhoneNumber.ANONYMOUS_VALUE.equals(value)
                      ? PhoneNumber.anonymousCaller()
                      : new PhoneNumber(
                          value, false, Optional.empty(), Optional.ofNullable(displayName))),
          rawId);
    }
  }

  /**
   * A Teams user.
   *
   * @param userId the Entra object id (or visitor id when anonymous)
   * @param tenantId the tenant
   * @param cloud public, dod or gcch (default public)
   * @param anonymous whether an anonymous visitor
   * @param displayName an optional display name
   * @param rawId the raw id
   */
  @Schema(
      name = "TeamsUser",
      requiredProperties = {"kind", "userId"},
      properties =
          @SchemaProperty(
              name = "kind",
              type = SchemaType.STRING,
              enumeration = "teamsUser",
              description = "Tells the participant kinds apart"))
  record TeamsUserJson(
      String userId,
      String tenantId,
      @Schema(enumeration = {"public", "dod", "gcch"}) String cloud,
      Boolean anonymous,
      String displayName,
      String rawId)
      implements ParticipantJson {
    @Override
    public Participant toDomain() {
      Violations v = Violations.of("Participant");
      Cloud where = ParticipantJson.cloud(v, cloud);
      return matching(
          v,
          v.nested(
              "",
              () ->
                  new TeamsUser(
                      userId,
                      Optional.ofNullable(tenantId),
                      where,
                      Boolean.TRUE.equals(anonymous),
                      Optional.ofNullable(displayName))),
          rawId);
    }
  }

  /**
   * A Teams app: a bot ({@code application}) or a resource account ({@code applicationInstance}).
   *
   * @param appId the app id or resource account object id
   * @param type application (default) or applicationInstance
   * @param tenantId the tenant
   * @param cloud public, dod or gcch (default public)
   * @param displayName an optional display name
   * @param rawId the raw id
   */
  @Schema(
      name = "TeamsApp",
      requiredProperties = {"kind", "appId"},
      properties =
          @SchemaProperty(
              name = "kind",
              type = SchemaType.STRING,
              enumeration = "teamsApp",
              description = "Tells the participant kinds apart"))
  record TeamsAppJson(
      String appId,
      @Schema(enumeration = {"application", "applicationInstance"}) String type,
      String tenantId,
      @Schema(enumeration = {"public", "dod", "gcch"}) String cloud,
      String displayName,
      String rawId)
      implements ParticipantJson {
    @Override
    public Participant toDomain() {
      Violations v = Violations.of("Participant");
      Cloud where = ParticipantJson.cloud(v, cloud);
      TeamsApp.Type kind = TeamsApp.Type.APPLICATION;
      if (type != null) {
        String normalised = type.toLowerCase(Locale.ROOT);
        if (normalised.equals("applicationinstance")) {
          kind = TeamsApp.Type.APPLICATION_INSTANCE;
        } else {
          v.check(
              normalised.equals("application"),
              "type",
              "must be application or applicationInstance",
              type);
        }
      }
      TeamsApp.Type chosen = kind;
      return matching(
          v,
          v.nested(
              "",
              () ->
                  new TeamsApp(
                      appId,
                      chosen,
                      Optional.ofNullable(tenantId),
                      where,
                      Optional.ofNullable(displayName))),
          rawId);
    }
  }

  /**
   * A Teams Phone extension user.
   *
   * @param userId the user id
   * @param tenantId the tenant
   * @param resourceId the ACS resource id
   * @param cloud public, dod or gcch (default public)
   * @param displayName an optional display name
   * @param rawId the raw id
   */
  @Schema(
      name = "TeamsExtensionUser",
      requiredProperties = {"kind", "userId", "tenantId", "resourceId"},
      properties =
          @SchemaProperty(
              name = "kind",
              type = SchemaType.STRING,
              enumeration = "teamsExtensionUser",
              description = "Tells the participant kinds apart"))
  record TeamsExtensionUserJson(
      String userId,
      String tenantId,
      String resourceId,
      @Schema(enumeration = {"public", "dod", "gcch"}) String cloud,
      String displayName,
      String rawId)
      implements ParticipantJson {
    @Override
    public Participant toDomain() {
      Violations v = Violations.of("Participant");
      Cloud where = ParticipantJson.cloud(v, cloud);
      return matching(
          v,
          v.nested(
              "",
              () ->
                  new TeamsExtensionUser(
                      userId, tenantId, resourceId, where, Optional.ofNullable(displayName))),
          rawId);
    }
  }

  /**
   * A participant known only by its raw id.
   *
   * @param rawId the raw id; a known form is read as the specific kind
   */
  @Schema(
      name = "RawParticipant",
      requiredProperties = {"kind", "rawId"},
      properties =
          @SchemaProperty(
              name = "kind",
              type = SchemaType.STRING,
              enumeration = "raw",
              description = "Tells the participant kinds apart"))
  record RawJson(String rawId) implements ParticipantJson {
    @Override
    public Participant toDomain() {
      Violations v = Violations.of("Participant");
      return matching(v, v.nested("", () -> Participant.fromRawId(rawId)), null);
    }
  }
}
