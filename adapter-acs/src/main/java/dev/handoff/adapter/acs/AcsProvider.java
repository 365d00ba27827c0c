package dev.handoff.adapter.acs;

import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;

/**
 * Azure Communication Services Call Automation as a Handoff provider: its id and what it can carry.
 *
 * <p>The capabilities are those of api-version 2026-03-12:
 *
 * <ul>
 *   <li>Transfer with a transferee, a source caller id, a per-operation callback and custom calling
 *       context (SIP headers, User-To-User, VoIP headers, Teams phone call details). No
 *       consultative transfer: ACS has no transfer that replaces a consultation call. The
 *       transferee is named by identity; ACS has no participant ids.
 *   <li>Add participant with an invitation timeout, source caller id, source display name, callback
 *       and custom calling context; cancelling an invitation, with a callback.
 *   <li>Redirect of an incoming call to one target, with nothing else: no ring timeout, no
 *       callback, no context.
 *   <li>Every identifier kind the model has, and repeatable requests ({@code
 *       Repeatability-Request-ID}).
 *   <li>No display names on participants: ACS identifiers carry none.
 *   <li>Warm handoffs with the agent invited into the caller's call: hold with spoken or file hold
 *       audio, a prompt played to the agent alone (spoken or a file), removing a participant, and
 *       the application hanging up its leg. No consultation call.
 * </ul>
 */
public final class AcsProvider {
  /** The provider id, {@code acs}. */
  public static final ProviderId ID = ProviderId.of("acs");

  /** What ACS can carry. */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder(ID)
          .supports(
              Capability.TRANSFER,
              Capability.TRANSFEREE,
              Capability.TRANSFER_SOURCE_CALLER_ID,
              Capability.TRANSFER_CALLBACK_OVERRIDE,
              Capability.ADD_PARTICIPANT,
              Capability.INVITATION_TIMEOUT,
              Capability.ADD_SOURCE_CALLER_ID,
              Capability.SOURCE_DISPLAY_NAME,
              Capability.ADD_CALLBACK_OVERRIDE,
              Capability.CANCEL_ADD_PARTICIPANT,
              Capability.CANCEL_CALLBACK_OVERRIDE,
              Capability.REDIRECT,
              Capability.SIP_HEADERS,
              Capability.USER_TO_USER,
              Capability.VOIP_HEADERS,
              Capability.TEAMS_PHONE_CALL_DETAILS,
              Capability.REPEATABLE_REQUESTS,
              Capability.WARM_HANDOFF,
              Capability.REMOVE_PARTICIPANT,
              Capability.HOLD_AUDIO_SPEECH,
              Capability.HOLD_AUDIO_FILE,
              Capability.PROMPT_SPEECH,
              Capability.PROMPT_AUDIO_FILE,
              Capability.HANDOFF_CALLBACK_OVERRIDE)
          .addresses(
              ParticipantKind.ACS_USER,
              ParticipantKind.PHONE_NUMBER,
              ParticipantKind.TEAMS_USER,
              ParticipantKind.TEAMS_APP,
              ParticipantKind.TEAMS_EXTENSION_USER,
              ParticipantKind.RAW)
          .maxRedirectTargets(1)
          .build();

  private AcsProvider() {}
}
