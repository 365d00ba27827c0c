package dev.handoff.adapter.acs.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The view behaves as the ordered copy it replaces: same entries, same order, read-only. */
class HeadersAfterOneTest {
  private static final Map<String, String> OTHERS = orderedOthers();

  private static Map<String, String> orderedOthers() {
    Map<String, String> others = new LinkedHashMap<>();
    others.put("X-B", "2");
    others.put("X-A", "1");
    return others;
  }

  private static Map<String, String> copy() {
    Map<String, String> copy = new LinkedHashMap<>();
    copy.put("User-To-User", "uui");
    copy.putAll(OTHERS);
    return copy;
  }

  @Test
  void equalsTheOrderedCopyAndIteratesInItsOrder() {
    Map<String, String> view = new HeadersAfterOne("User-To-User", "uui", OTHERS);

    assertThat(view).isEqualTo(copy()).hasSameHashCodeAs(copy()).hasSize(3);
    assertThat(List.copyOf(view.keySet())).containsExactly("User-To-User", "X-B", "X-A");
    assertThat(List.copyOf(view.values())).containsExactly("uui", "2", "1");
    List<String> visited = new ArrayList<>();
    view.forEach((name, value) -> visited.add(name + "=" + value));
    assertThat(visited).containsExactly("User-To-User=uui", "X-B=2", "X-A=1");
  }

  @Test
  void looksUpBothTheFirstHeaderAndTheOthers() {
    Map<String, String> view = new HeadersAfterOne("User-To-User", "uui", OTHERS);

    assertThat(view.get("User-To-User")).isEqualTo("uui");
    assertThat(view.get("X-A")).isEqualTo("1");
    assertThat(view.get("X-C")).isNull();
    assertThat(view.containsKey("X-B")).isTrue();
    assertThat(view.containsKey("X-C")).isFalse();
  }

  @Test
  void isOneEntryWhenThereAreNoOthers() {
    assertThat(new HeadersAfterOne("User-To-User", "uui", Map.of()))
        .containsExactly(Map.entry("User-To-User", "uui"));
  }

  @Test
  void isReadOnly() {
    Map<String, String> view = new HeadersAfterOne("User-To-User", "uui", OTHERS);

    assertThatThrownBy(() -> view.put("X-C", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.remove("X-A")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(OTHERS).hasSize(2);
  }
}
