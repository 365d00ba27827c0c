package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CommunicationIdentifierModel} (ACS common types 2025-06-30): a polymorphic identifier.
 * Apart from {@code kind} and {@code rawId}, at most one of the sub-objects is set, and it matches
 * {@code kind}.
 *
 * @param kind {@code unknown}, {@code communicationUser}, {@code phoneNumber}, {@code
 *     microsoftTeamsUser}, {@code microsoftTeamsApp} or {@code teamsExtensionUser} (extensible);
 *     only required in responses
 * @param rawId the raw id; optional in requests, required in responses
 * @param communicationUser an ACS user
 * @param phoneNumber a phone number
 * @param microsoftTeamsUser a Teams user
 * @param microsoftTeamsApp a Teams application
 * @param teamsExtensionUser a Teams Phone extension user
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationIdentifierModel(
    @JsonProperty("kind") String kind,
    @JsonProperty("rawId") String rawId,
    @JsonProperty("communicationUser") CommunicationUserIdentifierModel communicationUser,
    @JsonProperty("phoneNumber") PhoneNumberIdentifierModel phoneNumber,
    @JsonProperty("microsoftTeamsUser") MicrosoftTeamsUserIdentifierModel microsoftTeamsUser,
    @JsonProperty("microsoftTeamsApp") MicrosoftTeamsAppIdentifierModel microsoftTeamsApp,
    @JsonProperty("teamsExtensionUser") TeamsExtensionUserIdentifierModel teamsExtensionUser) {

  /** The {@code kind} of an identifier the service does not type. */
  public static final String KIND_UNKNOWN = "unknown";

  /** The {@code kind} of an ACS user. */
  public static final String KIND_COMMUNICATION_USER = "communicationUser";

  /** The {@code kind} of a phone number. */
  public static final String KIND_PHONE_NUMBER = "phoneNumber";

  /** The {@code kind} of a Teams user. */
  public static final String KIND_MICROSOFT_TEAMS_USER = "microsoftTeamsUser";

  /** The {@code kind} of a Teams application. */
  public static final String KIND_MICROSOFT_TEAMS_APP = "microsoftTeamsApp";

  /** The {@code kind} of a Teams Phone extension user. */
  public static final String KIND_TEAMS_EXTENSION_USER = "teamsExtensionUser";
}
