package dev.handoff.adapter.graph.notifications;

import dev.handoff.adapter.graph.wire.GraphIdentity;
import dev.handoff.adapter.graph.wire.GraphIdentitySet;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import java.util.Optional;

/**
 * A Graph identity set to a domain participant. The first member present wins, in this order:
 *
 * <ol>
 *   <li>{@code user} → {@link TeamsUser} (tenant and display name kept);
 *   <li>{@code applicationInstance} → {@link TeamsApp} {@code APPLICATION_INSTANCE};
 *   <li>{@code application} → {@link TeamsApp} {@code APPLICATION} (a tenant Graph reports is kept,
 *       though a bot with a tenant cannot be addressed back);
 *   <li>{@code phone} → {@link PhoneNumber} (a number without {@code +} is read as E.164, {@code
 *       anonymous} is the withheld caller, anything else a {@link RawParticipant} {@code 4:...});
 *   <li>{@code azureCommunicationServicesUser} → the participant its id denotes as a raw id (an ACS
 *       user or a Teams-extension user), else a {@link RawParticipant};
 *   <li>{@code guest}, {@code onPremises}, {@code encrypted}, {@code device} → a {@link
 *       RawParticipant} of the id: the model has no type for them.
 * </ol>
 *
 * Teams identities are placed in the adapter's cloud: Graph identities carry none. A member without
 * an id is skipped.
 */
final class IdentityReader {
  private final Cloud cloud;

  IdentityReader(Cloud cloud) {
    this.cloud = cloud;
  }

  Optional<Participant> read(Item item, GraphIdentitySet set, String where) {
    if (set == null) {
      return Optional.empty();
    }
    if (hasId(set.user())) {
      GraphIdentity user = set.user();
      return Optional.of(
          item.build(
              where + ".user",
              () ->
                  TeamsUser.of(user.id())
                      .withCloud(cloud)
                      .withTenantId(user.tenantId())
                      .withDisplayName(user.displayName())));
    }
    if (hasId(set.applicationInstance())) {
      return Optional.of(
          app(
              item,
              set.applicationInstance(),
              TeamsApp.Type.APPLICATION_INSTANCE,
              where + ".applicationInstance"));
    }
    if (hasId(set.application())) {
      return Optional.of(
          app(item, set.application(), TeamsApp.Type.APPLICATION, where + ".application"));
    }
    if (hasId(set.phone())) {
      return Optional.of(phone(item, set.phone(), where + ".phone"));
    }
    if (hasId(set.azureCommunicationServicesUser())) {
      String id = set.azureCommunicationServicesUser().id();
      return Optional.of(
          item.build(where + ".azureCommunicationServicesUser", () -> Participant.fromRawId(id)));
    }
    for (GraphIdentity other :
        new GraphIdentity[] {set.guest(), set.onPremises(), set.encrypted(), set.device()}) {
      if (hasId(other)) {
        return Optional.of(item.build(where, () -> new RawParticipant(other.id())));
      }
    }
    return Optional.empty();
  }

  private TeamsApp app(Item item, GraphIdentity identity, TeamsApp.Type type, String where) {
    return item.build(
        where,
        () ->
            new TeamsApp(
                identity.id(),
                type,
                Optional.ofNullable(identity.tenantId()),
                cloud,
                Optional.ofNullable(identity.displayName())));
  }

  private static Participant phone(Item item, GraphIdentity identity, String where) {
    String id = identity.id().trim();
    Participant parsed = item.build(where, () -> Participant.fromRawId("4:" + id));
    if (parsed instanceof PhoneNumber && identity.displayName() != null) {
      return item.build(
          where + ".displayName",
          () -> ((PhoneNumber) parsed).withDisplayName(identity.displayName()));
    }
    return parsed;
  }

  private static boolean hasId(GraphIdentity identity) {
    return identity != null && identity.id() != null && !identity.id().isBlank();
  }
}
