package dev.handoff.adapter.graph.mapping;

import dev.handoff.adapter.graph.wire.CreateCallRequest;
import dev.handoff.adapter.graph.wire.InvitationParticipantInfo;
import dev.handoff.adapter.graph.wire.MediaInfo;
import dev.handoff.adapter.graph.wire.MediaPrompt;
import dev.handoff.adapter.graph.wire.PlayPromptRequest;
import dev.handoff.adapter.graph.wire.ServiceHostedMediaConfig;
import dev.handoff.adapter.graph.wire.StartHoldMusicRequest;
import dev.handoff.adapter.graph.wire.StopHoldMusicRequest;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.Prompt;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * Maps a warm handoff's actions to Graph request bodies.
 *
 * <ul>
 *   <li>Hold: {@code startHoldMusic} with the hold audio as {@code customPrompt} (a {@code
 *       mediaPrompt} with its {@code mediaInfo} URI), left out for Graph's hold music; taking off
 *       hold: {@code stopHoldMusic}. Both carry the step's correlation as {@code clientContext}.
 *   <li>Play: {@code playPrompt} with one {@code mediaPrompt}.
 *   <li>Placing a call: a {@code call} to one target, audio only, with service-hosted media (so
 *       that prompts can be played in it) and the callback URI.
 * </ul>
 *
 * Graph's service-hosted media plays audio files only: a prompt to speak never reaches this mapper
 * (the capabilities refuse it).
 */
@Mapper(uses = GraphRequestMapper.class)
public interface GraphActionMapper {

  /** The generated mapper. */
  GraphActionMapper INSTANCE = Mappers.getMapper(GraphActionMapper.class);

  /**
   * @param command the hold
   * @param clientContext the step's correlation
   * @return the body
   */
  @Mapping(target = "customPrompt", source = "command.audio")
  @Mapping(target = "clientContext", source = "clientContext")
  StartHoldMusicRequest startHoldMusic(HoldParticipant command, String clientContext);

  /**
   * @param command taking the participant off hold
   * @param clientContext the step's correlation
   * @return the body
   */
  @Mapping(target = "clientContext", source = "clientContext")
  StopHoldMusicRequest stopHoldMusic(ResumeParticipant command, String clientContext);

  /**
   * @param command the prompt
   * @param clientContext the step's correlation
   * @return the body
   */
  @Mapping(target = "prompts", source = "command.prompt")
  @Mapping(target = "clientContext", source = "clientContext")
  PlayPromptRequest playPrompt(PlayPrompt command, String clientContext);

  /**
   * @param command the call to place
   * @return the body
   */
  @Mapping(target = "odataType", constant = CreateCallRequest.TYPE)
  @Mapping(target = "callbackUri", source = "callbackUri")
  @Mapping(target = "targets", source = "target")
  @Mapping(target = "requestedModalities", expression = "java(AUDIO_ONLY)")
  @Mapping(target = "mediaConfig", expression = "java(SERVICE_HOSTED)")
  CreateCallRequest createCall(PlaceCall command);

  /**
   * @param target the party called
   * @return the call's one target
   */
  default List<InvitationParticipantInfo> targets(
      dev.handoff.domain.participant.Participant target) {
    return List.of(GraphRequestMapper.INSTANCE.invitation(target));
  }

  /**
   * @param prompt a prompt
   * @return it as the only prompt
   */
  default List<MediaPrompt> prompts(Prompt prompt) {
    return List.of(mediaPrompt(prompt));
  }

  /**
   * @param audio the hold audio, if any
   * @return its media prompt, or null for Graph's music
   */
  default MediaPrompt customPrompt(Optional<Prompt> audio) {
    return audio.map(this::mediaPrompt).orElse(null);
  }

  /**
   * @param prompt an audio file prompt
   * @return its media prompt
   * @throws IllegalArgumentException for a prompt to speak, which Graph cannot play
   */
  default MediaPrompt mediaPrompt(Prompt prompt) {
    if (!(prompt instanceof Prompt.Audio)) {
      throw new IllegalArgumentException("Graph plays audio files only, not text to speak");
    }
    return new MediaPrompt(
        MediaPrompt.TYPE,
        new MediaInfo(MediaInfo.TYPE, ((Prompt.Audio) prompt).uri().toString(), null));
  }

  /**
   * @param uri an optional URI
   * @return its text, or null
   */
  default String callbackUri(Optional<URI> uri) {
    return uri.map(URI::toString).orElse(null);
  }

  /** The modalities of a consultation call: audio only. */
  List<String> AUDIO_ONLY = List.of("audio");

  /** The media of a consultation call: hosted by the service, so that it can play prompts. */
  ServiceHostedMediaConfig SERVICE_HOSTED =
      new ServiceHostedMediaConfig(ServiceHostedMediaConfig.TYPE);
}
