package dev.handoff.app.testing;

import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.Operations;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The ports' scriptable fake provider as a bean, with a narrower set of capabilities so that
 * refusals can be tested. Enabled by {@link FakeProviderProfile}.
 */
@Alternative
@Singleton
@Unremovable
public class FakeProvider extends FakeCallControl {
  /** The fake's provider id. */
  public static final ProviderId ID = Operations.PROVIDER;

  /** Declares the capabilities the API tests rely on. */
  public FakeProvider() {
    declaring(
        ProviderCapabilities.builder(ID)
            .supports(
                Capability.TRANSFER,
                Capability.TRANSFEREE,
                Capability.ADD_PARTICIPANT,
                Capability.INVITATION_TIMEOUT,
                Capability.CANCEL_ADD_PARTICIPANT,
                Capability.REDIRECT,
                Capability.USER_TO_USER,
                Capability.SIP_HEADERS,
                Capability.REPEATABLE_REQUESTS)
            .addresses(
                ParticipantKind.PHONE_NUMBER, ParticipantKind.ACS_USER, ParticipantKind.TEAMS_USER)
            .maxRedirectTargets(1)
            .build());
  }
}
