package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the {@code teamsPhoneCallDetails} of an incoming call's custom context into the model,
 * whole: every member the spec defines has its place, and a member that does not fit the model's
 * form is reported with its path instead of being dropped.
 */
final class TeamsPhoneDetailsReader {
  private static final String PATH = "data.customContext.teamsPhoneCallDetails";

  private TeamsPhoneDetailsReader() {}

  static Optional<TeamsPhoneCallDetails> read(
      dev.handoff.adapter.acs.wire.TeamsPhoneCallDetails wire) {
    if (wire == null) {
      return Optional.empty();
    }
    return Optional.of(
        build(
            PATH,
            () ->
                new TeamsPhoneCallDetails(
                    Optional.ofNullable(wire.teamsPhoneCallerDetails()).map(c -> caller(c)),
                    Optional.ofNullable(wire.teamsPhoneSourceDetails()).map(s -> source(s)),
                    Optional.ofNullable(wire.sessionId()),
                    Optional.ofNullable(wire.intent()),
                    Optional.ofNullable(wire.callTopic()),
                    Optional.ofNullable(wire.callContext()),
                    Optional.ofNullable(wire.transcriptUrl())
                        .map(url -> uri(url, PATH + ".transcriptUrl")),
                    Optional.ofNullable(wire.callSentiment()),
                    Optional.ofNullable(wire.suggestedActions()))));
  }

  private static TeamsPhoneCallerDetails caller(
      dev.handoff.adapter.acs.wire.TeamsPhoneCallerDetails wire) {
    String path = PATH + ".teamsPhoneCallerDetails";
    Participant caller = identifier(wire.caller(), path + ".caller");
    return build(
        path,
        () ->
            new TeamsPhoneCallerDetails(
                caller,
                wire.name(),
                wire.phoneNumber(),
                Optional.ofNullable(wire.recordId()),
                Optional.ofNullable(wire.screenPopUrl())
                    .map(url -> uri(url, path + ".screenPopUrl")),
                Optional.ofNullable(wire.isAuthenticated()),
                wire.additionalCallerInformation()));
  }

  private static TeamsPhoneSourceDetails source(
      dev.handoff.adapter.acs.wire.TeamsPhoneSourceDetails wire) {
    String path = PATH + ".teamsPhoneSourceDetails";
    Participant source = identifier(wire.source(), path + ".source");
    Map<String, Participant> targets = new LinkedHashMap<>();
    if (wire.intendedTargets() != null) {
      wire.intendedTargets()
          .forEach(
              (label, target) ->
                  targets.put(label, identifier(target, path + ".intendedTargets." + label)));
    }
    return build(
        path, () -> new TeamsPhoneSourceDetails(source, wire.language(), wire.status(), targets));
  }

  private static Participant identifier(CommunicationIdentifierModel model, String path) {
    if (model == null) {
      throw new WireFormatException(path, "is required");
    }
    return ParticipantReader.read(model, path);
  }

  private static URI uri(String text, String path) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new WireFormatException(path, "is not a URI: " + e.getReason());
    }
  }

  private static <T> T build(String path, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (ValidationException e) {
      throw new WireFormatException(path, e.getMessage());
    }
  }
}
