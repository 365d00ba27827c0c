package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.provider.ProviderCapabilities;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the provider can carry.
 *
 * @param provider the provider
 * @param features the features it supports
 * @param addressable the participant kinds it can address
 * @param maxRedirectTargets the most targets one redirect may name
 * @param redirectRingTimeoutSeconds the ring timeouts it accepts, {@code [min, max]}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Capabilities")
public record CapabilitiesJson(
    String provider,
    List<String> features,
    List<String> addressable,
    int maxRedirectTargets,
    List<Long> redirectRingTimeoutSeconds) {

  /**
   * @param capabilities the domain capabilities
   * @return their API form
   */
  public static CapabilitiesJson of(ProviderCapabilities capabilities) {
    return new CapabilitiesJson(
        capabilities.provider().value(),
        capabilities.features().stream()
            .map(OperationJson::reasonName)
            .sorted()
            .collect(Collectors.toList()),
        capabilities.addressable().stream()
            .map(kind -> kind.name().toLowerCase(Locale.ROOT))
            .sorted()
            .collect(Collectors.toList()),
        capabilities.maxRedirectTargets(),
        capabilities
            .redirectRingTimeout()
            .map(range -> List.of(range.min(), range.max()))
            .orElse(null));
  }
}
