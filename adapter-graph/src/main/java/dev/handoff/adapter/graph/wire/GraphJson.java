package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration the adapter uses for Graph's JSON. */
public final class GraphJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private GraphJson() {}

  /**
   * @return a shared, thread-safe mapper: unknown members are ignored, trailing content after the
   *     JSON value is an error
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
