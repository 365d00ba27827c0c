package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.Violations;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Context handed to whoever picks up.
 *
 * @param userToUser the SIP User-To-User value (ACS: at most 256 characters)
 * @param sipHeaders custom SIP headers, named {@code X-MS-Custom-...} or {@code X-...} (ACS: at
 *     most 5)
 * @param voipHeaders VoIP headers (ACS: at most 1000)
 * @param teamsPhoneCallDetails details shown to a Teams Phone agent
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "CallingContext")
public record CallingContextJson(
    String userToUser,
    Map<String, String> sipHeaders,
    Map<String, String> voipHeaders,
    TeamsPhoneCallDetailsJson teamsPhoneCallDetails) {

  /**
   * @return the domain context
   * @throws dev.handoff.domain.ValidationException listing every broken rule
   */
  public CallingContext toDomain() {
    Violations v = Violations.of("CallingContext");
    TeamsPhoneCallDetails details =
        teamsPhoneCallDetails == null
            ? null
            : v.nested("teamsPhoneCallDetails", teamsPhoneCallDetails::toDomain);
    CallingContext context =
        v.nested(
            "",
            () ->
                new CallingContext(
                    Optional.ofNullable(userToUser),
                    sipHeaders,
                    voipHeaders,
                    Optional.ofNullable(details)));
    v.throwIfAny();
    return context;
  }

  /**
   * @param context a domain context
   * @return its wire form, or null when it is empty
   */
  public static CallingContextJson of(CallingContext context) {
    if (context.isEmpty()) {
      return null;
    }
    return new CallingContextJson(
        context.userToUser().orElse(null),
        context.sipHeaders(),
        context.voipHeaders(),
        context.teamsPhoneCallDetails().map(TeamsPhoneCallDetailsJson::of).orElse(null));
  }

  private static URI uri(Violations v, String path, String value) {
    if (value == null) {
      return null;
    }
    try {
      return URI.create(value);
    } catch (IllegalArgumentException malformed) {
      v.check(false, path, "must be a URI", value);
      return null;
    }
  }

  /**
   * Teams phone call details.
   *
   * @param callerDetails the original caller
   * @param sourceDetails the entity passing the call on
   * @param sessionId a session id
   * @param intent the intent
   * @param callTopic a short reason (ACS: at most 48 characters)
   * @param callContext a summary of the call so far
   * @param transcriptUrl where the transcript is
   * @param callSentiment the sentiment
   * @param suggestedActions suggested actions
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Schema(name = "TeamsPhoneCallDetails")
  public record TeamsPhoneCallDetailsJson(
      CallerDetailsJson callerDetails,
      SourceDetailsJson sourceDetails,
      String sessionId,
      String intent,
      String callTopic,
      String callContext,
      String transcriptUrl,
      String callSentiment,
      String suggestedActions) {

    TeamsPhoneCallDetails toDomain() {
      Violations v = Violations.of("TeamsPhoneCallDetails");
      TeamsPhoneCallerDetails caller =
          callerDetails == null ? null : v.nested("callerDetails", callerDetails::toDomain);
      TeamsPhoneSourceDetails source =
          sourceDetails == null ? null : v.nested("sourceDetails", sourceDetails::toDomain);
      URI transcript = uri(v, "transcriptUrl", transcriptUrl);
      TeamsPhoneCallDetails details =
          v.nested(
              "",
              () ->
                  new TeamsPhoneCallDetails(
                      Optional.ofNullable(caller),
                      Optional.ofNullable(source),
                      Optional.ofNullable(sessionId),
                      Optional.ofNullable(intent),
                      Optional.ofNullable(callTopic),
                      Optional.ofNullable(callContext),
                      Optional.ofNullable(transcript),
                      Optional.ofNullable(callSentiment),
                      Optional.ofNullable(suggestedActions)));
      v.throwIfAny();
      return details;
    }

    /**
     * @param details the domain details
     * @return their API form
     */
    public static TeamsPhoneCallDetailsJson of(TeamsPhoneCallDetails details) {
      return new TeamsPhoneCallDetailsJson(
          details.callerDetails().map(CallerDetailsJson::of).orElse(null),
          details.sourceDetails().map(SourceDetailsJson::of).orElse(null),
          details.sessionId().orElse(null),
          details.intent().orElse(null),
          details.callTopic().orElse(null),
          details.callContext().orElse(null),
          details.transcriptUrl().map(URI::toString).orElse(null),
          details.callSentiment().orElse(null),
          details.suggestedActions().orElse(null));
    }
  }

  /**
   * The original caller.
   *
   * @param caller the caller's identity
   * @param name the caller's name
   * @param phoneNumber the caller's phone number
   * @param recordId a record id (e.g. in a CRM)
   * @param screenPopUrl a page to open for the agent
   * @param authenticated whether the caller was authenticated
   * @param additionalCallerInformation key-value pairs (ACS reads at most 10)
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Schema(name = "TeamsPhoneCallerDetails")
  public record CallerDetailsJson(
      ParticipantJson caller,
      String name,
      String phoneNumber,
      String recordId,
      String screenPopUrl,
      Boolean authenticated,
      Map<String, String> additionalCallerInformation) {

    TeamsPhoneCallerDetails toDomain() {
      Violations v = Violations.of("TeamsPhoneCallerDetails");
      Participant who = caller == null ? null : v.nested("caller", caller::toDomain);
      URI screenPop = uri(v, "screenPopUrl", screenPopUrl);
      TeamsPhoneCallerDetails details =
          v.nested(
              "",
              () ->
                  new TeamsPhoneCallerDetails(
                      who,
                      name,
                      phoneNumber,
                      Optional.ofNullable(recordId),
                      Optional.ofNullable(screenPop),
                      Optional.ofNullable(authenticated),
                      additionalCallerInformation));
      v.throwIfAny();
      return details;
    }

    static CallerDetailsJson of(TeamsPhoneCallerDetails details) {
      return new CallerDetailsJson(
          ParticipantJson.of(details.caller()),
          details.name(),
          details.phoneNumber(),
          details.recordId().orElse(null),
          details.screenPopUrl().map(URI::toString).orElse(null),
          details.authenticated().orElse(null),
          details.additionalCallerInformation());
    }
  }

  /**
   * The entity passing the call on.
   *
   * @param source its identity
   * @param language its language (ISO 639, optionally with subtags)
   * @param status its status
   * @param intendedTargets who it meant the call for, by label
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Schema(name = "TeamsPhoneSourceDetails")
  public record SourceDetailsJson(
      ParticipantJson source,
      String language,
      String status,
      Map<String, ParticipantJson> intendedTargets) {

    TeamsPhoneSourceDetails toDomain() {
      Violations v = Violations.of("TeamsPhoneSourceDetails");
      Participant who = source == null ? null : v.nested("source", source::toDomain);
      Map<String, Participant> targets = new LinkedHashMap<>();
      if (intendedTargets != null) {
        intendedTargets.forEach(
            (label, target) ->
                targets.put(
                    label,
                    target == null
                        ? null
                        : v.nested("intendedTargets[" + label + "]", target::toDomain)));
      }
      TeamsPhoneSourceDetails details =
          v.nested("", () -> new TeamsPhoneSourceDetails(who, language, status, targets));
      v.throwIfAny();
      return details;
    }

    static SourceDetailsJson of(TeamsPhoneSourceDetails details) {
      Map<String, ParticipantJson> targets = new LinkedHashMap<>();
      details
          .intendedTargets()
          .forEach((label, target) -> targets.put(label, ParticipantJson.of(target)));
      return new SourceDetailsJson(
          ParticipantJson.of(details.source()), details.language(), details.status(), targets);
    }
  }
}
