package dev.handoff.contract.port;

/**
 * Something the suite observes on a platform besides the adapter's answers and the provider's
 * events. A platform that truly cannot observe one declares it in {@link
 * CallControlTestPlatform#unobservable()} with the reason; the suite then still runs every test,
 * but does not check that part, and reports the tests that exist to check it as skipped with that
 * reason.
 */
public enum Observation {
  /**
   * Who the provider was asked to reach and about what: targets, invitee, transferee, the replaced
   * call of a consultative transfer, the invitation a cancellation names; of a warm handoff's
   * actions, that the provider received each one, with the participant it holds, takes off hold,
   * plays to or removes and the target of a placed call. Read through {@link
   * CallControlTestPlatform#received}.
   */
  PARTIES("the parties the provider was asked to reach"),
  /** Display names of participants, and the source display name of an invitation. */
  DISPLAY_NAMES("display names"),
  /** SIP headers, User-To-User, VoIP headers and Teams phone call details. */
  CALLING_CONTEXT("the calling context"),
  /** The caller id shown to a phone target or invitee. */
  CALLER_ID("the source caller id"),
  /** The invitation timeout of an add and the ring timeout of a redirect. */
  TIMEOUTS("timeouts"),
  /**
   * What a held participant hears and what a prompt plays: the audio file's URI, or the text to
   * speak with its locale and voice; a hold without audio (the provider's own music) too.
   */
  AUDIO("the hold audio and prompts"),
  /** A per-operation callback URI, and the callback of a placed consultation call. */
  CALLBACK_URI("the per-operation callback URI"),
  /** The correlation string the provider is to echo (ACS operationContext, Graph clientContext). */
  OPERATION_CONTEXT("the operation context"),
  /**
   * {@link CallControlTestPlatform#requestCount()}: that a refused command sent nothing to the
   * provider.
   */
  REQUEST_COUNT("the number of requests the provider received"),
  /**
   * {@link CallControlTestPlatform#loseNextAnswer} and {@link CallControlTestPlatform#executions}:
   * that a submission whose answer was lost executes once.
   */
  EXECUTIONS("how often the provider executed an operation");

  private final String description;

  Observation(String description) {
    this.description = description;
  }

  /**
   * @return what is observed, for people
   */
  public String description() {
    return description;
  }
}
