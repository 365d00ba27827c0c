package dev.handoff.domain.context;

import dev.handoff.domain.Violations;
import java.net.URI;
import java.util.Optional;

/**
 * Call details shown to a Teams Phone agent who receives the call: who calls, who passes the call
 * on, and what the call is about.
 *
 * @param callerDetails the original caller
 * @param sourceDetails the entity that passes the call on (e.g. the bot)
 * @param sessionId an id for this call session, for the passing entity's reporting
 * @param intent the intent of the call
 * @param callTopic a very short reason for the call, shown in the Teams notification (how short is
 *     the provider's limit, {@link dev.handoff.domain.provider.ProviderLimits#callTopicLength()})
 * @param callContext a summary of the call so far, shown in a Teams side panel
 * @param transcriptUrl where the transcript of the call can be fetched
 * @param callSentiment the sentiment of the call so far
 * @param suggestedActions recommendations for resolving the caller's issue
 */
public record TeamsPhoneCallDetails(
    Optional<TeamsPhoneCallerDetails> callerDetails,
    Optional<TeamsPhoneSourceDetails> sourceDetails,
    Optional<String> sessionId,
    Optional<String> intent,
    Optional<String> callTopic,
    Optional<String> callContext,
    Optional<URI> transcriptUrl,
    Optional<String> callSentiment,
    Optional<String> suggestedActions) {

  /**
   * Longest free-text field: Handoff's own bound, which keeps an operation's record small; no
   * provider documents a longer one.
   */
  public static final int MAX_TEXT_LENGTH = 4096;

  /** Validates the details. */
  public TeamsPhoneCallDetails {
    Violations v = Violations.of("TeamsPhoneCallDetails");
    callerDetails = orEmpty(callerDetails);
    sourceDetails = orEmpty(sourceDetails);
    sessionId = orEmpty(sessionId);
    intent = orEmpty(intent);
    callTopic = orEmpty(callTopic);
    callContext = orEmpty(callContext);
    transcriptUrl = orEmpty(transcriptUrl);
    callSentiment = orEmpty(callSentiment);
    suggestedActions = orEmpty(suggestedActions);
    v.optionalText("sessionId", sessionId, MAX_TEXT_LENGTH);
    v.optionalText("intent", intent, MAX_TEXT_LENGTH);
    v.optionalText("callTopic", callTopic, MAX_TEXT_LENGTH);
    callContext.ifPresent(text -> checkLongText(v, "callContext", text));
    transcriptUrl.ifPresent(url -> v.callbackUri("transcriptUrl", url));
    v.optionalText("callSentiment", callSentiment, MAX_TEXT_LENGTH);
    suggestedActions.ifPresent(text -> checkLongText(v, "suggestedActions", text));
    v.throwIfAny();
  }

  // A summary may run over several lines, so line breaks are allowed where other text forbids
  // control characters.
  private static void checkLongText(Violations v, String path, String text) {
    v.check(!text.isBlank(), path, "must not be blank", null);
    v.check(
        text.length() <= MAX_TEXT_LENGTH,
        path,
        "must be at most " + MAX_TEXT_LENGTH + " characters",
        text);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TeamsPhoneCallDetails}; {@link #build()} validates. */
  public static final class Builder {
    private TeamsPhoneCallerDetails callerDetails;
    private TeamsPhoneSourceDetails sourceDetails;
    private String sessionId;
    private String intent;
    private String callTopic;
    private String callContext;
    private URI transcriptUrl;
    private String callSentiment;
    private String suggestedActions;

    private Builder() {}

    /**
     * @param value the caller details
     * @return this builder
     */
    public Builder callerDetails(TeamsPhoneCallerDetails value) {
      callerDetails = value;
      return this;
    }

    /**
     * @param value the source details
     * @return this builder
     */
    public Builder sourceDetails(TeamsPhoneSourceDetails value) {
      sourceDetails = value;
      return this;
    }

    /**
     * @param value the session id
     * @return this builder
     */
    public Builder sessionId(String value) {
      sessionId = value;
      return this;
    }

    /**
     * @param value the intent
     * @return this builder
     */
    public Builder intent(String value) {
      intent = value;
      return this;
    }

    /**
     * @param value the call topic
     * @return this builder
     */
    public Builder callTopic(String value) {
      callTopic = value;
      return this;
    }

    /**
     * @param value the summary of the call so far
     * @return this builder
     */
    public Builder callContext(String value) {
      callContext = value;
      return this;
    }

    /**
     * @param value the transcript URL
     * @return this builder
     */
    public Builder transcriptUrl(URI value) {
      transcriptUrl = value;
      return this;
    }

    /**
     * @param value the sentiment
     * @return this builder
     */
    public Builder callSentiment(String value) {
      callSentiment = value;
      return this;
    }

    /**
     * @param value the suggested actions
     * @return this builder
     */
    public Builder suggestedActions(String value) {
      suggestedActions = value;
      return this;
    }

    /**
     * @return the validated details
     */
    public TeamsPhoneCallDetails build() {
      return new TeamsPhoneCallDetails(
          Optional.ofNullable(callerDetails),
          Optional.ofNullable(sourceDetails),
          Optional.ofNullable(sessionId),
          Optional.ofNullable(intent),
          Optional.ofNullable(callTopic),
          Optional.ofNullable(callContext),
          Optional.ofNullable(transcriptUrl),
          Optional.ofNullable(callSentiment),
          Optional.ofNullable(suggestedActions));
    }
  }
}
