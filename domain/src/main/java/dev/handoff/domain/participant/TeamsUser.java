package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * A Microsoft Teams user.
 *
 * @param userId the user's Microsoft Entra object id, or the visitor id of an anonymous user
 * @param tenantId the user's tenant, when known (Microsoft Graph carries it)
 * @param cloud the cloud the user lives in
 * @param anonymous whether this is an anonymous (visitor) user
 * @param displayName an optional display name
 */
public record TeamsUser(
    String userId,
    Optional<String> tenantId,
    Cloud cloud,
    boolean anonymous,
    Optional<String> displayName)
    implements Participant {

  /** Validates the user. */
  public TeamsUser {
    Violations v = Violations.of("TeamsUser");
    v.identifier("userId", userId);
    tenantId = tenantId == null ? Optional.empty() : tenantId;
    tenantId.ifPresent(id -> v.identifier("tenantId", id));
    v.required("cloud", cloud);
    displayName = DisplayNames.check(v, displayName);
    v.throwIfAny();
  }

  /**
   * @param userId the Entra object id
   * @return the user in the public cloud, no tenant, not anonymous
   */
  public static TeamsUser of(String userId) {
    return new TeamsUser(userId, Optional.empty(), Cloud.PUBLIC, false, Optional.empty());
  }

  /**
   * @param visitorId the anonymous user's id
   * @return the anonymous user in the public cloud
   */
  public static TeamsUser anonymousVisitor(String visitorId) {
    return new TeamsUser(visitorId, Optional.empty(), Cloud.PUBLIC, true, Optional.empty());
  }

  /**
   * @param id the tenant id
   * @return this user in that tenant
   */
  public TeamsUser withTenantId(String id) {
    return new TeamsUser(userId, Optional.ofNullable(id), cloud, anonymous, displayName);
  }

  /**
   * @param value the cloud
   * @return this user in that cloud
   */
  public TeamsUser withCloud(Cloud value) {
    return new TeamsUser(userId, tenantId, Objects.requireNonNull(value), anonymous, displayName);
  }

  /**
   * @param name the display name
   * @return this user with that display name
   */
  public TeamsUser withDisplayName(String name) {
    return new TeamsUser(userId, tenantId, cloud, anonymous, Optional.ofNullable(name));
  }

  @Override
  public ParticipantKind kind() {
    return ParticipantKind.TEAMS_USER;
  }

  /**
   * {@code 8:teamsvisitor:<id>} when anonymous, else {@code 8:orgid:}, {@code 8:dod:} or {@code
   * 8:gcch:} by cloud, then the user id.
   */
  @Override
  public String rawId() {
    if (anonymous) {
      return RawIds.TEAMS_VISITOR + userId;
    }
    return RawIds.teamsUserPrefix(cloud) + userId;
  }

  @Override
  public <R> R accept(Participant.Visitor<R> visitor) {
    return visitor.teamsUser(this);
  }
}
