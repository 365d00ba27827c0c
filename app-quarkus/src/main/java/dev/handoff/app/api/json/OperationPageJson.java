package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.ports.OperationPage;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of operations, newest first.
 *
 * @param items the operations
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OperationPage")
public record OperationPageJson(List<OperationJson> items, String nextCursor) {
  /**
   * @param page a page
   * @return its API form
   */
  public static OperationPageJson of(OperationPage page) {
    return new OperationPageJson(
        page.operations().stream().map(OperationJson::of).collect(Collectors.toList()),
        page.nextCursor().orElse(null));
  }
}
