package dev.handoff.adapter.acs.mapping;

import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.FileSource;
import dev.handoff.adapter.acs.wire.HoldRequest;
import dev.handoff.adapter.acs.wire.PlayRequest;
import dev.handoff.adapter.acs.wire.PlaySource;
import dev.handoff.adapter.acs.wire.RemoveParticipantRequest;
import dev.handoff.adapter.acs.wire.TextSource;
import dev.handoff.adapter.acs.wire.UnholdRequest;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.participant.Participant;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps a warm handoff's actions to the ACS request bodies (api-version 2026-03-12).
 *
 * <ul>
 *   <li>Hold: {@code targetParticipant} is the held participant's identifier; the hold audio is the
 *       {@code playSourceInfo}, left out for the service's own music.
 *   <li>Play: one play source; {@code playTo} names the one participant who hears it, or is left
 *       out so that everyone does. {@code interruptCallMediaOperation} and {@code playOptions} are
 *       not sent: a briefing waits its turn and plays once.
 *   <li>A prompt to speak is a {@code text} source ({@code sourceLocale}, {@code voiceName} when
 *       given); an audio file is a {@code file} source with its URI.
 *   <li>{@code operationContext} is the step's correlation; {@code operationCallbackUri} the
 *       command's callback URI when it names one.
 * </ul>
 *
 * Identifiers are written by {@link AcsRequestMapper}.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, uses = AcsRequestMapper.class)
public interface AcsActionMapper {

  /** The generated mapper. */
  AcsActionMapper INSTANCE = Mappers.getMapper(AcsActionMapper.class);

  /**
   * @param command the hold
   * @param correlation the operation context to send
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "targetParticipant", source = "command.participant.participant")
  @Mapping(target = "playSourceInfo", source = "command.audio")
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  HoldRequest hold(HoldParticipant command, String correlation, @Context WireStyle style);

  /**
   * @param command taking a participant off hold
   * @param correlation the operation context to send
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "targetParticipant", source = "command.participant.participant")
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  UnholdRequest unhold(ResumeParticipant command, String correlation, @Context WireStyle style);

  /**
   * @param command the prompt
   * @param correlation the operation context to send
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "playSources", source = "command.prompt")
  @Mapping(target = "playTo", source = "command.playTo")
  @Mapping(target = "interruptCallMediaOperation", ignore = true)
  @Mapping(target = "playOptions", ignore = true)
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  PlayRequest play(PlayPrompt command, String correlation, @Context WireStyle style);

  /**
   * @param command the removal
   * @param correlation the operation context to send
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "participantToRemove", source = "command.participant")
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  RemoveParticipantRequest remove(
      RemoveParticipant command, String correlation, @Context WireStyle style);

  /**
   * @param prompt the prompt
   * @return its one play source
   */
  default List<PlaySource> playSources(Prompt prompt) {
    return List.of(playSource(prompt));
  }

  /**
   * @param audio the hold audio, if any
   * @return its play source, or null for the service's music
   */
  default PlaySource playSourceInfo(Optional<Prompt> audio) {
    return audio.map(this::playSource).orElse(null);
  }

  /**
   * @param prompt a prompt
   * @return a {@code text} or {@code file} play source
   */
  default PlaySource playSource(Prompt prompt) {
    if (prompt instanceof Prompt.Speech) {
      Prompt.Speech speech = (Prompt.Speech) prompt;
      return new PlaySource(
          PlaySource.KIND_TEXT,
          null,
          null,
          new TextSource(
              speech.text(), speech.locale().orElse(null), null, speech.voice().orElse(null), null),
          null);
    }
    return new PlaySource(
        PlaySource.KIND_FILE,
        null,
        new FileSource(((Prompt.Audio) prompt).uri().toString()),
        null,
        null);
  }

  /**
   * @param playTo the one participant who hears the prompt, if any
   * @param style how to write identifiers
   * @return that participant's identifier in a list, or null for everyone
   */
  default List<CommunicationIdentifierModel> playTo(
      Optional<Participant> playTo, @Context WireStyle style) {
    return playTo.map(p -> List.of(AcsRequestMapper.INSTANCE.identifier(p, style))).orElse(null);
  }
}
