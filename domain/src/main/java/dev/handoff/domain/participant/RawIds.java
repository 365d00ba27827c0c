package dev.handoff.domain.participant;

import dev.handoff.domain.ValidationException;
import java.util.Optional;

/** The raw-id grammar shared by the Azure Communication Services libraries. */
final class RawIds {
  static final String PHONE = "4:";
  static final String TEAMS_VISITOR = "8:teamsvisitor:";

  private RawIds() {}

  static String teamsUserPrefix(Cloud cloud) {
    switch (cloud) {
      case DOD:
        return "8:dod:";
      case GCCH:
        return "8:gcch:";
      default:
        return "8:orgid:";
    }
  }

  static String teamsAppPrefix(Cloud cloud) {
    switch (cloud) {
      case DOD:
        return "28:dod:";
      case GCCH:
        return "28:gcch:";
      default:
        return "28:orgid:";
    }
  }

  static String acsPrefix(Cloud cloud) {
    switch (cloud) {
      case DOD:
        return "8:dod-acs:";
      case GCCH:
        return "8:gcch-acs:";
      default:
        return "8:acs:";
    }
  }

  static Participant parse(String rawId) {
    try {
      return parseTyped(rawId).orElseGet(() -> new RawParticipant(rawId));
    } catch (ValidationException notOfThatForm) {
      return new RawParticipant(rawId);
    }
  }

  private static Optional<Participant> parseTyped(String rawId) {
    if (rawId == null) {
      return Optional.empty();
    }
    if (rawId.startsWith(PHONE)) {
      return Optional.of(phone(rawId.substring(PHONE.length())));
    }
    if (rawId.startsWith(TEAMS_VISITOR)) {
      return Optional.of(TeamsUser.anonymousVisitor(rawId.substring(TEAMS_VISITOR.length())));
    }
    for (Cloud cloud : Cloud.values()) {
      String acs = acsPrefix(cloud);
      if (rawId.startsWith(acs)) {
        String[] parts = rawId.substring(acs.length()).split("_", -1);
        if (parts.length == 3) {
          return Optional.of(
              new TeamsExtensionUser(parts[2], parts[1], parts[0], cloud, Optional.empty()));
        }
        return Optional.of(AcsUser.of(rawId));
      }
      if (rawId.startsWith(teamsUserPrefix(cloud))) {
        return Optional.of(
            TeamsUser.of(rawId.substring(teamsUserPrefix(cloud).length())).withCloud(cloud));
      }
      if (rawId.startsWith(teamsAppPrefix(cloud))) {
        return Optional.of(
            TeamsApp.bot(rawId.substring(teamsAppPrefix(cloud).length())).withCloud(cloud));
      }
    }
    if (rawId.startsWith("8:spool:")) {
      return Optional.of(AcsUser.of(rawId));
    }
    return Optional.empty();
  }

  private static PhoneNumber phone(String rest) {
    if (PhoneNumber.ANONYMOUS_VALUE.equals(rest)) {
      return PhoneNumber.anonymousCaller();
    }
    int asserted = rest.lastIndexOf('_');
    String number = asserted < 0 ? rest : rest.substring(0, asserted);
    // Some older libraries wrote phone raw ids without the '+'.
    PhoneNumber phone = PhoneNumber.of(number.startsWith("+") ? number : "+" + number);
    return asserted < 0 ? phone : phone.withAssertedId(rest.substring(asserted + 1));
  }
}
