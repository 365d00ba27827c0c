package dev.handoff.adapter.graph;

import dev.handoff.adapter.graph.wire.GraphIdentity;
import dev.handoff.adapter.graph.wire.GraphIdentitySet;
import dev.handoff.adapter.graph.wire.ParticipantResource;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import java.util.Optional;

/**
 * A roster participant's identity as a domain participant, as notifications read it: a user, a
 * resource account, a bot, a phone number (E.164, else a raw {@code 4:} id), and anything else by
 * its raw id. Teams identities are placed in the adapter's cloud.
 */
final class RosterIdentities {
  private RosterIdentities() {}

  static Optional<Participant> read(ParticipantResource participant, Cloud cloud) {
    GraphIdentitySet set = participant.info() == null ? null : participant.info().identity();
    if (set == null) {
      return Optional.empty();
    }
    try {
      if (hasId(set.user())) {
        return Optional.of(
            TeamsUser.of(set.user().id()).withCloud(cloud).withTenantId(set.user().tenantId()));
      }
      if (hasId(set.applicationInstance())) {
        return Optional.of(
            new TeamsApp(
                set.applicationInstance().id(),
                TeamsApp.Type.APPLICATION_INSTANCE,
                Optional.ofNullable(set.applicationInstance().tenantId()),
                cloud,
                Optional.empty()));
      }
      if (hasId(set.application())) {
        return Optional.of(TeamsApp.bot(set.application().id()).withCloud(cloud));
      }
      if (hasId(set.phone())) {
        return Optional.of(Participant.fromRawId("4:" + set.phone().id().trim()));
      }
      for (GraphIdentity other :
          new GraphIdentity[] {
            set.azureCommunicationServicesUser(), set.guest(), set.onPremises(), set.encrypted()
          }) {
        if (hasId(other)) {
          return Optional.of(Participant.fromRawId(other.id()));
        }
      }
    } catch (ValidationException unreadable) {
      return Optional.of(new RawParticipant(participant.id()));
    }
    return Optional.empty();
  }

  private static boolean hasId(GraphIdentity identity) {
    return identity != null && identity.id() != null && !identity.id().isBlank();
  }
}
