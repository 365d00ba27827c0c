package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code TeamsPhoneCallerDetails}: the original caller, as a Teams Phone agent sees them.
 *
 * @param caller the caller's identity; required
 * @param name the caller's name; required
 * @param phoneNumber the caller's phone number as text; required
 * @param recordId the caller's record id, e.g. in a CRM
 * @param screenPopUrl a page to open for the agent
 * @param isAuthenticated whether the caller was authenticated
 * @param additionalCallerInformation up to 10 key-value pairs shown to the agent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamsPhoneCallerDetails(
    @JsonProperty("caller") CommunicationIdentifierModel caller,
    @JsonProperty("name") String name,
    @JsonProperty("phoneNumber") String phoneNumber,
    @JsonProperty("recordId") String recordId,
    @JsonProperty("screenPopUrl") String screenPopUrl,
    @JsonProperty("isAuthenticated") Boolean isAuthenticated,
    @JsonProperty("additionalCallerInformation") Map<String, String> additionalCallerInformation) {}
