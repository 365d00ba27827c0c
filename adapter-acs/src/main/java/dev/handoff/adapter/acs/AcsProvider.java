package dev.handoff.adapter.acs;

import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.domain.provider.ProviderLimits;

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
 *
 * <p>Its limits, all in one place ({@link #LIMITS}): at most {@value #MAX_SIP_HEADERS} custom SIP
 * headers besides User-To-User, names at most {@value #MAX_SIP_NAME_LENGTH} characters with the
 * prefix, values (User-To-User too) at most {@value #MAX_SIP_VALUE_LENGTH}; at most {@value
 * #MAX_VOIP_HEADERS} VoIP headers, names at most {@value #MAX_VOIP_NAME_LENGTH}, values at most
 * {@value #MAX_VOIP_VALUE_LENGTH}; a Teams phone call topic of at most {@value
 * #MAX_CALL_TOPIC_LENGTH} characters; an invitation timeout of at most {@value
 * #MAX_INVITATION_TIMEOUT_SECONDS} seconds; at most {@value #MAX_ADDITIONAL_CALLER_INFORMATION}
 * additional caller information entries (ACS reads that many and ignores the rest, so more are
 * refused rather than silently lost); a phone number is invited only with a source caller id
 * ({@code sourceCallerIdNumber}), which ACS requires to call out to the phone network. The spec
 * sets no limit on {@code operationContext}, and neither does this adapter.
 */
public final class AcsProvider {
  /** The provider id, {@code acs}. */
  public static final ProviderId ID = ProviderId.of("acs");

  /** The most custom SIP headers besides User-To-User. */
  public static final int MAX_SIP_HEADERS = 5;

  /** The longest custom SIP header name, prefix included. */
  public static final int MAX_SIP_NAME_LENGTH = 64;

  /** The longest custom SIP header value, and User-To-User value. */
  public static final int MAX_SIP_VALUE_LENGTH = 256;

  /** The most VoIP headers. */
  public static final int MAX_VOIP_HEADERS = 1000;

  /** The longest VoIP header name. */
  public static final int MAX_VOIP_NAME_LENGTH = 64;

  /** The longest VoIP header value. */
  public static final int MAX_VOIP_VALUE_LENGTH = 1024;

  /** The longest Teams phone call topic. */
  public static final int MAX_CALL_TOPIC_LENGTH = 48;

  /** The longest invitation timeout, in seconds. */
  public static final int MAX_INVITATION_TIMEOUT_SECONDS = 180;

  /** The most additional caller information entries ACS reads. */
  public static final int MAX_ADDITIONAL_CALLER_INFORMATION = 10;

  /** ACS's limits and wire requirements. */
  public static final ProviderLimits LIMITS =
      ProviderLimits.builder()
          .sipHeaders(MAX_SIP_HEADERS, MAX_SIP_NAME_LENGTH, MAX_SIP_VALUE_LENGTH)
          .voipHeaders(MAX_VOIP_HEADERS, MAX_VOIP_NAME_LENGTH, MAX_VOIP_VALUE_LENGTH)
          .callTopicLength(MAX_CALL_TOPIC_LENGTH)
          .invitationTimeoutSeconds(MAX_INVITATION_TIMEOUT_SECONDS)
          .additionalCallerInformation(MAX_ADDITIONAL_CALLER_INFORMATION)
          .phoneInvitationNeedsSourceCallerId()
          .build();

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
          .limits(LIMITS)
          .build();

  private static final ProviderCapabilities WITH_DEFAULT_CALLER_ID =
      new ProviderCapabilities(
          CAPABILITIES.provider(),
          CAPABILITIES.features(),
          CAPABILITIES.addressable(),
          CAPABILITIES.maxRedirectTargets(),
          CAPABILITIES.redirectRingTimeout(),
          new ProviderLimits(
              LIMITS.operationContextLength(),
              LIMITS.invitationTimeoutSeconds(),
              LIMITS.sipHeaders(),
              LIMITS.sipHeaderNameLength(),
              LIMITS.sipHeaderValueLength(),
              LIMITS.voipHeaders(),
              LIMITS.voipHeaderNameLength(),
              LIMITS.voipHeaderValueLength(),
              LIMITS.callTopicLength(),
              LIMITS.additionalCallerInformation(),
              false));

  private AcsProvider() {}

  /**
   * @return {@link #CAPABILITIES} for an adapter configured with a default source caller id: a
   *     phone invitation may then name none
   */
  static ProviderCapabilities capabilitiesWithDefaultSourceCallerId() {
    return WITH_DEFAULT_CALLER_ID;
  }
}
