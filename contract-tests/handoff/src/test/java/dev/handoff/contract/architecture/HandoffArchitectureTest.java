package dev.handoff.contract.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Handoff's own production code obeys every hexagon rule. */
class HandoffArchitectureTest {
  private static final JavaClasses HANDOFF =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.handoff");

  static Stream<ArchRule> rules() {
    return HexagonRules.handoff().all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void obeys(ArchRule rule) {
    rule.check(HANDOFF);
  }

  @Test
  void holdsAsAWhole() {
    HexagonRules.handoff().check(HANDOFF);
  }

  @Test
  void analysesEveryModuleOfTheReactor() {
    Set<String> layers =
        HANDOFF.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith("dev.handoff."))
            .map(name -> name.substring("dev.handoff.".length()).split("\\.")[0])
            .collect(Collectors.toSet());
    assertThat(layers).contains("domain", "ports", "adapter", "contract");
    assertThat(HANDOFF.containPackage("dev.handoff.adapter.acs")).isTrue();
    assertThat(HANDOFF.containPackage("dev.handoff.adapter.graph")).isTrue();
    assertThat(HANDOFF.containPackage("dev.handoff.emulator")).isTrue();
    assertThat(HANDOFF.containPackage("dev.handoff.app")).isTrue();
    assertThat(HANDOFF.containPackage("dev.handoff.adapter.postgres")).isTrue();
  }
}
