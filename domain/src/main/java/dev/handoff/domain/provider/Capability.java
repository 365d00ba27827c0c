package dev.handoff.domain.provider;

/** A feature a provider may or may not be able to carry. */
public enum Capability {
  /** Transfer a call. */
  TRANSFER("call transfer"),
  /** Consultative transfer that replaces a consultation call. */
  CONSULTATIVE_TRANSFER("consultative transfer (replacing a consultation call)"),
  /** Name the transferee of a transfer. */
  TRANSFEREE("a transferee"),
  /** Identify the transferee by the provider's participant id in the call. */
  TRANSFEREE_PARTICIPANT_ID("the transferee's participant id"),
  /** A caller id shown to a phone transfer target. */
  TRANSFER_SOURCE_CALLER_ID("a source caller id on transfer"),
  /** A per-operation callback URI on transfer. */
  TRANSFER_CALLBACK_OVERRIDE("a per-operation callback URI on transfer"),
  /** Add a participant. */
  ADD_PARTICIPANT("adding a participant"),
  /** An invitation timeout when adding. */
  INVITATION_TIMEOUT("an invitation timeout"),
  /** A caller id shown to a phone invitee. */
  ADD_SOURCE_CALLER_ID("a source caller id on add participant"),
  /** A display name shown to the invitee. */
  SOURCE_DISPLAY_NAME("a source display name"),
  /** A per-operation callback URI when adding. */
  ADD_CALLBACK_OVERRIDE("a per-operation callback URI on add participant"),
  /** Cancel an invitation. */
  CANCEL_ADD_PARTICIPANT("cancelling an invitation"),
  /** A per-operation callback URI when cancelling. */
  CANCEL_CALLBACK_OVERRIDE("a per-operation callback URI on cancel"),
  /** Redirect an incoming call. */
  REDIRECT("redirecting an incoming call"),
  /** A ring timeout when redirecting. */
  REDIRECT_RING_TIMEOUT("a ring timeout on redirect"),
  /** A callback URI when redirecting. */
  REDIRECT_CALLBACK_OVERRIDE("a callback URI on redirect"),
  /** Custom SIP headers. */
  SIP_HEADERS("custom SIP headers"),
  /** SIP User-To-User information. */
  USER_TO_USER("SIP User-To-User information"),
  /** VoIP headers. */
  VOIP_HEADERS("VoIP headers"),
  /** Teams phone call details. */
  TEAMS_PHONE_CALL_DETAILS("Teams phone call details"),
  /** Display names on participants. */
  PARTICIPANT_DISPLAY_NAME("display names on participants"),
  /**
   * A warm handoff: hold the caller, reach and brief an agent, put the caller through; with the
   * step actions it needs (hold, resume, play, hang up, finding the transferee).
   */
  WARM_HANDOFF("a warm handoff"),
  /**
   * Reaching the agent of a warm handoff on a consultation call of its own, which the caller's
   * transfer then replaces (Microsoft Graph); without it the agent is invited into the caller's
   * call (Azure Communication Services).
   */
  CONSULTATION_CALL("reaching the agent on a consultation call"),
  /** Removing a participant from a call. */
  REMOVE_PARTICIPANT("removing a participant"),
  /** Spoken text (text-to-speech) as hold audio. */
  HOLD_AUDIO_SPEECH("spoken text (text-to-speech) as hold audio"),
  /** An audio file as hold audio. */
  HOLD_AUDIO_FILE("an audio file as hold audio"),
  /** A spoken (text-to-speech) prompt, e.g. a briefing. */
  PROMPT_SPEECH("spoken (text-to-speech) prompts"),
  /** An audio file prompt, e.g. a briefing. */
  PROMPT_AUDIO_FILE("audio file prompts"),
  /** A per-operation callback URI on a warm handoff's steps. */
  HANDOFF_CALLBACK_OVERRIDE("a per-operation callback URI on a warm handoff"),
  /**
   * Requests the provider executes at most once however often they are sent (ACS
   * Repeatability-Request-ID), so that an interrupted submission can safely be sent again.
   */
  REPEATABLE_REQUESTS("repeatable requests");

  private final String description;

  Capability(String description) {
    this.description = description;
  }

  /**
   * @return what the feature is, for people
   */
  public String description() {
    return description;
  }
}
