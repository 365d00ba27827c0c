package dev.handoff.domain.context;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The original caller, as a Teams Phone agent sees them.
 *
 * @param caller the caller's identity
 * @param name the caller's name
 * @param phoneNumber the caller's phone number as text (it may be a number the model cannot dial,
 *     e.g. a withheld or national form)
 * @param recordId the caller's record id, e.g. in a CRM
 * @param screenPopUrl a page to open for the agent
 * @param authenticated whether the caller was authenticated
 * @param additionalCallerInformation key-value pairs shown to the agent, in the order given; how
 *     many a provider reads is its limit ({@link
 *     dev.handoff.domain.provider.ProviderLimits#additionalCallerInformation()})
 */
public record TeamsPhoneCallerDetails(
    Participant caller,
    String name,
    String phoneNumber,
    Optional<String> recordId,
    Optional<URI> screenPopUrl,
    Optional<Boolean> authenticated,
    Map<String, String> additionalCallerInformation) {

  /** Validates the details. */
  public TeamsPhoneCallerDetails {
    Violations v = Violations.of("TeamsPhoneCallerDetails");
    v.required("caller", caller);
    v.text("name", name, TeamsPhoneCallDetails.MAX_TEXT_LENGTH);
    v.text("phoneNumber", phoneNumber, 64);
    recordId = recordId == null ? Optional.empty() : recordId;
    screenPopUrl = screenPopUrl == null ? Optional.empty() : screenPopUrl;
    authenticated = authenticated == null ? Optional.empty() : authenticated;
    v.optionalText("recordId", recordId, Violations.MAX_ID_LENGTH);
    screenPopUrl.ifPresent(url -> v.callbackUri("screenPopUrl", url));
    additionalCallerInformation =
        additionalCallerInformation == null || additionalCallerInformation.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalCallerInformation));
    additionalCallerInformation.forEach(
        (key, value) -> {
          String path = "additionalCallerInformation[" + key + "]";
          if (v.required(path, key)) {
            v.text(path, key, 64);
          }
          v.text(path, value, TeamsPhoneCallDetails.MAX_TEXT_LENGTH);
        });
    v.throwIfAny();
  }

  /**
   * @param caller the caller's identity
   * @param name the caller's name
   * @param phoneNumber the caller's phone number
   * @return details with only the required fields
   */
  public static TeamsPhoneCallerDetails of(Participant caller, String name, String phoneNumber) {
    return new TeamsPhoneCallerDetails(
        caller, name, phoneNumber, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }
}
