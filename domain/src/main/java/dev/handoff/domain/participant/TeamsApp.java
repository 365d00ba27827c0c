package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * A Teams application: a bot, or a resource account (an application instance) such as the one
 * behind an auto attendant or a call queue.
 *
 * <p>Azure Communication Services addresses both as {@code microsoftTeamsApp}; Microsoft Graph
 * tells them apart ({@code application} and {@code applicationInstance}), which is what {@link
 * #type()} is for. A Teams app read from a raw id, where the difference is not visible, is an
 * {@link Type#APPLICATION}.
 *
 * @param appId the application (client) id of a bot, or the object id of a resource account
 * @param type a bot or a resource account
 * @param tenantId the tenant, when known
 * @param cloud the cloud
 * @param displayName an optional display name
 */
public record TeamsApp(
    String appId, Type type, Optional<String> tenantId, Cloud cloud, Optional<String> displayName)
    implements Participant {

  /** Which kind of Teams application. */
  public enum Type {
    /** An application registration, e.g. a calling bot. */
    APPLICATION,
    /**
     * An application instance: a resource account, as used by auto attendants, call queues and bots
     * that own a phone number.
     */
    APPLICATION_INSTANCE
  }

  /** Validates the app. */
  public TeamsApp {
    Violations v = Violations.of("TeamsApp");
    v.identifier("appId", appId);
    v.required("type", type);
    tenantId = tenantId == null ? Optional.empty() : tenantId;
    tenantId.ifPresent(id -> v.identifier("tenantId", id));
    v.required("cloud", cloud);
    displayName = DisplayNames.check(v, displayName);
    v.throwIfAny();
  }

  /**
   * @param appId the bot's application id
   * @return the bot in the public cloud
   */
  public static TeamsApp bot(String appId) {
    return new TeamsApp(appId, Type.APPLICATION, Optional.empty(), Cloud.PUBLIC, Optional.empty());
  }

  /**
   * @param objectId the resource account's object id
   * @return the resource account in the public cloud
   */
  public static TeamsApp resourceAccount(String objectId) {
    return new TeamsApp(
        objectId, Type.APPLICATION_INSTANCE, Optional.empty(), Cloud.PUBLIC, Optional.empty());
  }

  /**
   * @param id the tenant id
   * @return this app in that tenant
   */
  public TeamsApp withTenantId(String id) {
    return new TeamsApp(appId, type, Optional.ofNullable(id), cloud, displayName);
  }

  /**
   * @param value the cloud
   * @return this app in that cloud
   */
  public TeamsApp withCloud(Cloud value) {
    return new TeamsApp(appId, type, tenantId, Objects.requireNonNull(value), displayName);
  }

  /**
   * @param name the display name
   * @return this app with that display name
   */
  public TeamsApp withDisplayName(String name) {
    return new TeamsApp(appId, type, tenantId, cloud, Optional.ofNullable(name));
  }

  @Override
  public ParticipantKind kind() {
    return ParticipantKind.TEAMS_APP;
  }

  /** {@code 28:orgid:}, {@code 28:dod:} or {@code 28:gcch:} by cloud, then the app id. */
  @Override
  public String rawId() {
    return RawIds.teamsAppPrefix(cloud) + appId;
  }

  @Override
  public <R> R accept(Participant.Visitor<R> visitor) {
    return visitor.teamsApp(this);
  }
}
