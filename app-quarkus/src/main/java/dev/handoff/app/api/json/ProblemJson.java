package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of that kind
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param violations every broken rule, for invalid requests
 * @param operationId the operation concerned, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem")
public record ProblemJson(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<ViolationJson> violations,
    String operationId) {

  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One broken rule.
   *
   * @param field the JSON path of the field, e.g. {@code target.value}
   * @param rule the rule
   * @param value the offending value as it may be shown (long values shortened, secrets masked)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Violation")
  public record ViolationJson(String field, String rule, String value) {}
}
