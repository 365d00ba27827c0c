package dev.handoff.domain.context;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The entity that passes the call on, as a Teams Phone agent sees it.
 *
 * @param source the entity's identity, e.g. the bot
 * @param language the entity's language: an ISO 639 code, optionally with BCP 47 subtags ({@code
 *     en}, {@code en-US})
 * @param status the entity's status
 * @param intendedTargets who the entity meant the call for, by label
 */
public record TeamsPhoneSourceDetails(
    Participant source, String language, String status, Map<String, Participant> intendedTargets) {

  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** Validates the details. */
  public TeamsPhoneSourceDetails {
    Violations v = Violations.of("TeamsPhoneSourceDetails");
    v.required("source", source);
    if (v.required("language", language)) {
      v.check(
          LANGUAGE.matcher(language).matches(),
          "language",
          "must be an ISO 639 language code, optionally with subtags (e.g. en or en-US)",
          language);
    }
    v.text("status", status, 256);
    intendedTargets =
        intendedTargets == null || intendedTargets.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(intendedTargets));
    intendedTargets.forEach(
        (label, target) -> {
          String path = "intendedTargets[" + label + "]";
          if (v.required(path, label)) {
            v.text(path, label, 64);
          }
          v.required(path, target);
        });
    v.throwIfAny();
  }

  /**
   * @param source the entity's identity
   * @param language the language
   * @param status the status
   * @return details without intended targets
   */
  public static TeamsPhoneSourceDetails of(Participant source, String language, String status) {
    return new TeamsPhoneSourceDetails(source, language, status, Map.of());
  }
}
