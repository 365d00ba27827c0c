package dev.handoff.adapter.graph;

import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.domain.provider.ProviderLimits;

/**
 * What Microsoft Graph can carry, declared exactly.
 *
 * <p>Supported: transfer (blind and consultative via {@code replacesCallId}), a transferee with its
 * {@code participantId} (group calls), invite, redirect to up to 25 targets with a 15 to 90 second
 * ring timeout and a callback URI, display names on identities. Addressable: Teams users ({@code
 * user}), Teams apps ({@code application} for bots, {@code applicationInstance} for resource
 * accounts) and phone numbers ({@code phone}).
 *
 * <p>Limits, all of Graph's in one place: at most {@value #MAX_REDIRECT_TARGETS} redirect targets,
 * a ring timeout of {@value #MIN_REDIRECT_TIMEOUT_SECONDS} to {@value
 * #MAX_REDIRECT_TIMEOUT_SECONDS} seconds, an invite's {@code clientContext} (the add's operation
 * context) of at most {@value #MAX_CLIENT_CONTEXT_LENGTH} characters.
 *
 * <p>Not supported, and why: SIP, User-To-User and VoIP headers and Teams phone call details (no
 * such members in Graph's bodies); an invitation timeout, a source caller id or source display name
 * (none in the invite or transfer bodies); per-operation callbacks on transfer and invite (only
 * redirect has {@code callbackUri}); cancelling an invitation (Graph has no such action);
 * repeatable requests (Graph has no idempotency key, hence the no-ambiguous-retry policy). Azure
 * Communication Services users: Graph's {@code azureCommunicationServicesUser} describes ACS
 * participants that joined, and its id form for addressing one is not documented, so they are not
 * addressable; nor are Teams-extension users or raw ids (no Graph identity denotes them).
 *
 * <p>Warm handoffs reach the agent on a consultation call ({@code POST /communications/calls} with
 * service-hosted media), brief them with {@code playPrompt} and transfer the caller to replace it;
 * the caller waits with {@code startHoldMusic}. Hold audio and briefings are audio files: Graph's
 * service-hosted media has no text-to-speech. A handoff's per-operation callback is not supported:
 * hold and prompt notifications go to the call's own callback, and an action naming a callback of
 * its own is refused.
 */
public final class GraphProvider {

  /** The provider id, {@code graph}. */
  public static final ProviderId ID = ProviderId.of("graph");

  /** The most targets one redirect may name. */
  public static final int MAX_REDIRECT_TARGETS = 25;

  /** The shortest redirect ring timeout, in seconds. */
  public static final int MIN_REDIRECT_TIMEOUT_SECONDS = 15;

  /** The longest redirect ring timeout, in seconds. */
  public static final int MAX_REDIRECT_TIMEOUT_SECONDS = 90;

  /**
   * The longest {@code clientContext} an invite carries, and so the longest operation context of an
   * add. Transfer and redirect bodies have no client context: their operation context stays with
   * Handoff and is not limited.
   */
  public static final int MAX_CLIENT_CONTEXT_LENGTH = 256;

  /** What Graph can carry, with its limits; checked before anything is sent. */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder(ID)
          .supports(
              Capability.TRANSFER,
              Capability.CONSULTATIVE_TRANSFER,
              Capability.TRANSFEREE,
              Capability.TRANSFEREE_PARTICIPANT_ID,
              Capability.ADD_PARTICIPANT,
              Capability.REDIRECT,
              Capability.REDIRECT_RING_TIMEOUT,
              Capability.REDIRECT_CALLBACK_OVERRIDE,
              Capability.PARTICIPANT_DISPLAY_NAME,
              Capability.WARM_HANDOFF,
              Capability.CONSULTATION_CALL,
              Capability.HOLD_AUDIO_FILE,
              Capability.PROMPT_AUDIO_FILE)
          .addresses(
              ParticipantKind.TEAMS_USER, ParticipantKind.TEAMS_APP, ParticipantKind.PHONE_NUMBER)
          .maxRedirectTargets(MAX_REDIRECT_TARGETS)
          .redirectRingTimeout(MIN_REDIRECT_TIMEOUT_SECONDS, MAX_REDIRECT_TIMEOUT_SECONDS)
          .limits(
              ProviderLimits.builder().operationContextLength(MAX_CLIENT_CONTEXT_LENGTH).build())
          .build();

  private GraphProvider() {}
}
