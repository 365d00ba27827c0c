package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One {@code commsNotification} of a {@code commsNotifications} batch.
 *
 * @param odataType the item's type, when stated
 * @param changeType {@code created}, {@code updated} or {@code deleted}
 * @param resourceUrl the resource, current spelling
 * @param resource the resource, legacy spelling
 * @param resourceData the resource's data: an object, or an array for a roster
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommsNotification(
    @JsonProperty("@odata.type") String odataType,
    String changeType,
    String resourceUrl,
    String resource,
    JsonNode resourceData) {

  /**
   * @return {@code resourceUrl}, else the legacy {@code resource}
   */
  public Optional<String> effectiveResourceUrl() {
    return Optional.ofNullable(resourceUrl).or(() -> Optional.ofNullable(resource));
  }
}
