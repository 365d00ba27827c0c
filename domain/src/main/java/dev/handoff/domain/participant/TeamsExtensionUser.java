package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.Optional;

/**
 * A Teams Phone extension user reached through Azure Communication Services.
 *
 * @param userId the user's id
 * @param tenantId the user's tenant
 * @param resourceId the Azure Communication Services resource id
 * @param cloud the cloud
 * @param displayName an optional display name
 */
public record TeamsExtensionUser(
    String userId, String tenantId, String resourceId, Cloud cloud, Optional<String> displayName)
    implements Participant {

  /** Validates the user. */
  public TeamsExtensionUser {
    Violations v = Violations.of("TeamsExtensionUser");
    if (v.identifier("userId", userId)) {
      v.check(userId.indexOf('_') < 0, "userId", "must not contain '_'", userId);
    }
    if (v.identifier("tenantId", tenantId)) {
      v.check(tenantId.indexOf('_') < 0, "tenantId", "must not contain '_'", tenantId);
    }
    if (v.identifier("resourceId", resourceId)) {
      v.check(resourceId.indexOf('_') < 0, "resourceId", "must not contain '_'", resourceId);
    }
    v.required("cloud", cloud);
    displayName = DisplayNames.check(v, displayName);
    v.throwIfAny();
  }

  /**
   * @param userId the user's id
   * @param tenantId the tenant
   * @param resourceId the ACS resource id
   * @return the user in the public cloud
   */
  public static TeamsExtensionUser of(String userId, String tenantId, String resourceId) {
    return new TeamsExtensionUser(userId, tenantId, resourceId, Cloud.PUBLIC, Optional.empty());
  }

  @Override
  public ParticipantKind kind() {
    return ParticipantKind.TEAMS_EXTENSION_USER;
  }

  /** {@code 8:acs:}, {@code 8:dod-acs:} or {@code 8:gcch-acs:}, then resource_tenant_user. */
  @Override
  public String rawId() {
    return RawIds.acsPrefix(cloud) + resourceId + "_" + tenantId + "_" + userId;
  }

  @Override
  public <R> R accept(Participant.Visitor<R> visitor) {
    return visitor.teamsExtensionUser(this);
  }
}
