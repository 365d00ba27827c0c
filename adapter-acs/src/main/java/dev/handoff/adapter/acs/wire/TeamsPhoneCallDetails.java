package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code TeamsPhoneCallDetails}: call details shown to a Teams Phone agent. All optional.
 *
 * @param teamsPhoneCallerDetails the original caller
 * @param teamsPhoneSourceDetails the entity passing the call on
 * @param sessionId the call session's id
 * @param intent the intent of the call
 * @param callTopic a very short reason for the call (max 48 characters)
 * @param callContext a summary of the call so far
 * @param transcriptUrl where to fetch the transcript
 * @param callSentiment the sentiment of the call so far
 * @param suggestedActions recommendations for the agent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamsPhoneCallDetails(
    @JsonProperty("teamsPhoneCallerDetails") TeamsPhoneCallerDetails teamsPhoneCallerDetails,
    @JsonProperty("teamsPhoneSourceDetails") TeamsPhoneSourceDetails teamsPhoneSourceDetails,
    @JsonProperty("sessionId") String sessionId,
    @JsonProperty("intent") String intent,
    @JsonProperty("callTopic") String callTopic,
    @JsonProperty("callContext") String callContext,
    @JsonProperty("transcriptUrl") String transcriptUrl,
    @JsonProperty("callSentiment") String callSentiment,
    @JsonProperty("suggestedActions") String suggestedActions) {}
