package dev.handoff.contract.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No rule passes vacuously: each fails on a fixture built to break it, and passes a clean one. The
 * whole set reports every violation in one run; a layer that matches no class is an error; renamed
 * layers and other library lists are honoured.
 */
class HexagonRulesTest {
  private static final String VIOLATING = "dev.handoff.archfixture.violating";
  private static final String CLEAN = "dev.handoff.archfixture.clean";
  private static final String RENAMED = "dev.handoff.archfixture.renamed";
  private static final JavaClasses VIOLATING_CLASSES =
      new ClassFileImporter().importPackages(VIOLATING);
  private static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(CLEAN);
  private static final JavaClasses RENAMED_CLASSES =
      new ClassFileImporter().importPackages(RENAMED);

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("domain → JDK only", HexagonRules::domainDependsOnTheJdkOnly, "DomainUsingJackson"),
        rule("ports → domain only", HexagonRules::portsDependOnTheDomainOnly, "PortUsingAdapter"),
        rule(
            "in and out ports independent",
            HexagonRules::inboundAndOutboundPortsAreIndependent,
            "UseCaseUsingStore"),
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
        rule(
            "standalone parts alone",
            HexagonRules::theStandalonePartsStandAlone,
            "EmulatorUsingDomain"));
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

  @Test
  @DisplayName("check() reports every violation of every rule in one failure")
  void reportsEveryViolationInOneRun() {
    assertThatThrownBy(() -> HexagonRules.forRoot(VIOLATING).check(VIOLATING_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("The hexagon under " + VIOLATING + " breaks 8 of 9 rules")
        .hasMessageContaining("UseCaseUsingStore")
        .hasMessageContaining("StoreUsingUseCase")
        .hasMessageContaining("DomainUsingJackson")
        .hasMessageContaining("PortUsingAdapter")
        .hasMessageContaining("AlphaThing")
        .hasMessageContaining("BetaThing")
        .hasMessageContaining("GammaResource")
        .hasMessageContaining("EmulatorUsingDomain");
  }

  @Test
  @DisplayName("check() passes a clean hexagon")
  void passesACleanHexagonAsAWhole() {
    HexagonRules.forRoot(CLEAN).check(CLEAN_CLASSES);
  }

  @Test
  @DisplayName("a layer that matches no class is an error, not a pass")
  void failsOnALayerThatMatchesNoClass() {
    HexagonRules misnamed = HexagonRules.builder(CLEAN).adapters("adapters").build();
    assertThatThrownBy(() -> misnamed.check(CLEAN_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "the adapters layer ("
                + CLEAN
                + ".adapters..) matches no class: check the root"
                + " package and the layer's name");
    assertThatThrownBy(() -> HexagonRules.forRoot("com.nowhere").check(CLEAN_CLASSES))
        .hasMessageContaining("the domain layer (com.nowhere.domain..) matches no class");
  }

  @Test
  @DisplayName("renamed layers are honoured: an adapter using another under 'adapters' fails")
  void honoursRenamedLayers() {
    HexagonRules renamed =
        HexagonRules.builder(RENAMED)
            .domain("model")
            .ports("usecases")
            .adapters("adapters")
            .application("boot")
            .standalone()
            .build();
    assertThatThrownBy(() -> renamed.check(RENAMED_CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("breaks 1 of 8 rules")
        .hasMessageContaining("adapters (" + RENAMED + ".adapters..) never see each other")
        .hasMessageContaining("BetaStore");
    JavaClasses withoutBeta =
        new ClassFileImporter()
            .importPackages(
                RENAMED + ".model",
                RENAMED + ".usecases",
                RENAMED + ".adapters.alpha",
                RENAMED + ".boot");
    renamed.check(withoutBeta);
  }

  @Test
  @DisplayName("the library lists are configurable: another framework or serialisation list")
  void honoursOtherLibraryLists() {
    assertThatThrownBy(
            () ->
                HexagonRules.builder(CLEAN)
                    .frameworks("com.fasterxml.jackson..")
                    .build()
                    .check(CLEAN_CLASSES))
        .hasMessageContaining("only the application touches com.fasterxml.jackson..")
        .hasMessageContaining("AlphaAdapter");
    assertThatThrownBy(
            () ->
                HexagonRules.builder(CLEAN)
                    .serialisation("java.util..")
                    .build()
                    .check(CLEAN_CLASSES))
        .hasMessageContaining("java.util.. never appear in the domain or the ports")
        .hasMessageContaining("Model");
  }

  @Test
  @DisplayName("a code base without an application or standalone part can say so")
  void leavesOutLayersACodeBaseDoesNotHave() {
    HexagonRules core =
        HexagonRules.builder(RENAMED)
            .domain("model")
            .ports("usecases")
            .adapters("adapters")
            .withoutApplication()
            .standalone()
            .build();
    assertThat(core.layers()).containsOnlyKeys("domain", "ports", "adapters");
    assertThat(core.all()).hasSize(7);
  }

  @Test
  @DisplayName("a name that is not a package is refused, naming the setting")
  void refusesBadNames() {
    assertThatThrownBy(() -> HexagonRules.builder("com.example").adapters("my adapters"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("adapters: must be a package name such as com.example, got 'my adapters'");
    assertThatThrownBy(() -> HexagonRules.builder("com.example").ports("domain").build())
        .hasMessageContaining("each layer needs its own package");
    assertThatThrownBy(() -> HexagonRules.builder("com.example").portDirections("in", "in"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inbound and outbound ports need their own packages");
  }
}
