package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.ProviderCapabilities;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the provider can carry.
 *
 * @param provider the provider whose protocol the service speaks: acs or graph, also when the
 *     embedded emulator plays it
 * @param emulated true when the provider is the embedded emulator: no real call is transferred
 * @param features the features it supports
 * @param addressable the participant kinds it can address, spelt as a request's {@code kind}
 * @param maxRedirectTargets the most targets one redirect may name
 * @param redirectRingTimeoutSeconds the ring timeouts it accepts, {@code [min, max]}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Capabilities")
public record CapabilitiesJson(
    @Schema(required = true) String provider,
    @Schema(
            required = true,
            description = "true when the provider is the embedded emulator: nothing real happens")
        boolean emulated,
    @Schema(
            required = true,
            enumeration = {
              "transfer",
              "consultative-transfer",
              "transferee",
              "transferee-participant-id",
              "transfer-source-caller-id",
              "transfer-callback-override",
              "add-participant",
              "invitation-timeout",
              "add-source-caller-id",
              "source-display-name",
              "add-callback-override",
              "cancel-add-participant",
              "cancel-callback-override",
              "redirect",
              "redirect-ring-timeout",
              "redirect-callback-override",
              "sip-headers",
              "user-to-user",
              "voip-headers",
              "teams-phone-call-details",
              "participant-display-name",
              "warm-handoff",
              "consultation-call",
              "remove-participant",
              "hold-audio-speech",
              "hold-audio-file",
              "prompt-speech",
              "prompt-audio-file",
              "handoff-callback-override",
              "repeatable-requests"
            })
        List<String> features,
    @Schema(
            required = true,
            enumeration = {
              "acsUser",
              "phoneNumber",
              "teamsUser",
              "teamsApp",
              "teamsExtensionUser",
              "raw"
            })
        List<String> addressable,
    int maxRedirectTargets,
    List<Long> redirectRingTimeoutSeconds) {

  /**
   * @param capabilities the domain capabilities
   * @param emulated whether the embedded emulator plays the provider
   * @return their API form
   */
  public static CapabilitiesJson of(ProviderCapabilities capabilities, boolean emulated) {
    return new CapabilitiesJson(
        capabilities.provider().value(),
        emulated,
        capabilities.features().stream()
            .map(OperationJson::reasonName)
            .sorted()
            .collect(Collectors.toList()),
        capabilities.addressable().stream()
            .map(CapabilitiesJson::kindName)
            .sorted()
            .collect(Collectors.toList()),
        capabilities.maxRedirectTargets(),
        capabilities
            .redirectRingTimeout()
            .map(range -> List.of(range.min(), range.max()))
            .orElse(null));
  }

  /**
   * @param kind a participant kind
   * @return its name as a request spells a participant's {@code kind}, e.g. {@code phoneNumber}
   */
  public static String kindName(ParticipantKind kind) {
    String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }
}
