package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Graph {@code serviceHostedMediaConfig}: the service plays the media (prompts, hold music).
 *
 * @param odataType {@value #TYPE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceHostedMediaConfig(@JsonProperty("@odata.type") String odataType) {
  /** The type name. */
  public static final String TYPE = "#microsoft.graph.serviceHostedMediaConfig";
}
