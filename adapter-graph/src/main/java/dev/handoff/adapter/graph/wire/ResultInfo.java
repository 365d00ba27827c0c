package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A Graph {@code resultInfo}. The schema spells the sub-code {@code subcode}; the docs' failure
 * examples spell it {@code subCode}, so both are read. Codes are kept as text: Graph sends numbers
 * ({@code 500}) and, in older payloads, strings ({@code "200"}, {@code "transferAccepted"}).
 *
 * @param code the code
 * @param subcode the sub-code, schema spelling
 * @param subCodeVariant the sub-code, doc-example spelling
 * @param message the message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultInfo(
    String code, String subcode, @JsonProperty("subCode") String subCodeVariant, String message) {

  /**
   * @return the sub-code under either spelling, the schema's first
   */
  public Optional<String> effectiveSubcode() {
    return Optional.ofNullable(subcode).or(() -> Optional.ofNullable(subCodeVariant));
  }
}
