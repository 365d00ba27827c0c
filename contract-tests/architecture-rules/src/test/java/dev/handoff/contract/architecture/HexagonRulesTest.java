package dev.handoff.contract.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Proves that no rule passes vacuously: each fails on a fixture built to break it. */
class HexagonRulesTest {
  private static final String VIOLATING = "dev.handoff.archfixture.violating";
  private static final String CLEAN = "dev.handoff.archfixture.clean";
  private static final JavaClasses VIOLATING_CLASSES =
      new ClassFileImporter().importPackages(VIOLATING);
  private static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(CLEAN);

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("domain → JDK only", HexagonRules::domainDependsOnTheJdkOnly, "DomainUsingJackson"),
        rule("ports → domain only", HexagonRules::portsDependOnTheDomainOnly, "PortUsingAdapter"),
        rule("adapters independent", HexagonRules::adaptersAreIndependentOfEachOther, "AlphaThing"),
        rule("adapters inwards", HexagonRules::adaptersDependOnlyInwards, "BetaThing"),
        rule(
            "framework in app only",
            HexagonRules::onlyTheApplicationKnowsTheFramework,
            "GammaResource"),
        rule(
            "no serialisation in core",
            HexagonRules::theCoreHasNoSerialisationLibraries,
            "DomainUsingJackson"),
        rule("emulator alone", HexagonRules::theEmulatorStandsAlone, "EmulatorUsingDomain"));
  }

  private static Arguments rule(
      String name, Function<HexagonRules, ArchRule> rule, String offendingClass) {
    return Arguments.of(name, rule, offendingClass);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void failsOnItsViolatingFixtureNamingTheOffender(
      String name, Function<HexagonRules, ArchRule> rule, String offendingClass) {
    EvaluationResult result =
        rule.apply(HexagonRules.forRoot(VIOLATING)).evaluate(VIOLATING_CLASSES);
    assertThat(result.hasViolation()).as(name).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(detail -> detail.contains(offendingClass));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void passesOnACleanHexagon(
      String name, Function<HexagonRules, ArchRule> rule, String offendingClass) {
    EvaluationResult result = rule.apply(HexagonRules.forRoot(CLEAN)).evaluate(CLEAN_CLASSES);
    assertThat(result.getFailureReport().getDetails()).as(name).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void isPartOfTheFullRuleSet(
      String name, Function<HexagonRules, ArchRule> rule, String offendingClass) {
    String description = rule.apply(HexagonRules.handoff()).getDescription();
    assertThat(HexagonRules.handoff().all())
        .extracting(ArchRule::getDescription)
        .contains(description);
  }
}
