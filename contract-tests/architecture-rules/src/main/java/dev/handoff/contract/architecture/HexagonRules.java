package dev.handoff.contract.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Objects;

/**
 * The dependency rules of Handoff's hexagon, for any root package laid out like Handoff's:
 *
 * <ul>
 *   <li>{@code <root>.domain..} — the model; depends on the JDK only;
 *   <li>{@code <root>.ports..} — use cases, outbound ports, application services; depends on the
 *       domain only;
 *   <li>{@code <root>.adapter.<name>..} — one provider or store each; never on another adapter, the
 *       application or the emulator;
 *   <li>{@code <root>.app..} — the only place that knows Quarkus, Jakarta REST and Vert.x;
 *   <li>{@code <root>.emulator..} — the provider emulator; depends on no other part, so that it
 *       checks the adapters independently.
 * </ul>
 *
 * <p>Rules about layers that may be absent from a code base (an application without an emulator)
 * allow an empty selection; {@code HexagonRulesTest} proves every rule fails on a violating
 * fixture, so none passes vacuously.
 */
public final class HexagonRules {
  private static final String[] FRAMEWORKS = {
    "io.quarkus..", "jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy.."
  };
  private static final String[] SERIALISATION = {"com.fasterxml.jackson..", "org.mapstruct.."};

  private final String root;

  private HexagonRules(String root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /**
   * @param rootPackage the root package, e.g. {@code dev.handoff}
   * @return the rules for that root
   */
  public static HexagonRules forRoot(String rootPackage) {
    return new HexagonRules(rootPackage);
  }

  /**
   * @return the rules for Handoff itself
   */
  public static HexagonRules handoff() {
    return forRoot("dev.handoff");
  }

  private String layer(String name) {
    return root + "." + name + "..";
  }

  /**
   * @return the domain depends on the JDK and itself only
   */
  public ArchRule domainDependsOnTheJdkOnly() {
    return classes()
        .that()
        .resideInAPackage(layer("domain"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", layer("domain"))
        .as("the domain depends on the JDK only");
  }

  /**
   * @return the ports depend on the JDK, the domain and themselves only
   */
  public ArchRule portsDependOnTheDomainOnly() {
    return classes()
        .that()
        .resideInAPackage(layer("ports"))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", layer("domain"), layer("ports"))
        .as("the ports depend on the domain only");
  }

  /**
   * @return no adapter depends on another adapter
   */
  public ArchRule adaptersAreIndependentOfEachOther() {
    return slices()
        .matching(root + ".adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true)
        .as("adapters never see each other");
  }

  /**
   * @return no adapter depends on the application or the emulator
   */
  public ArchRule adaptersDependOnlyInwards() {
    return noClasses()
        .that()
        .resideInAPackage(layer("adapter"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(layer("app"), layer("emulator"))
        .allowEmptyShould(true)
        .as("adapters depend on the domain and the ports, never on the application or emulator");
  }

  /**
   * @return only the application depends on Quarkus, Jakarta REST or Vert.x
   */
  public ArchRule onlyTheApplicationKnowsTheFramework() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(layer("app"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .as("only the application touches Quarkus, Jakarta REST or Vert.x");
  }

  /**
   * @return neither the domain nor the ports use Jackson or MapStruct
   */
  public ArchRule theCoreHasNoSerialisationLibraries() {
    return noClasses()
        .that()
        .resideInAnyPackage(layer("domain"), layer("ports"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERIALISATION)
        .as("Jackson and MapStruct never appear in the domain or the ports");
  }

  /**
   * @return the emulator depends on no other part of the code base
   */
  public ArchRule theEmulatorStandsAlone() {
    return noClasses()
        .that()
        .resideInAPackage(layer("emulator"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(layer("domain"), layer("ports"), layer("adapter"), layer("app"))
        .allowEmptyShould(true)
        .as("the emulator is independent of what it checks");
  }

  /**
   * @return every rule
   */
  public List<ArchRule> all() {
    return List.of(
        domainDependsOnTheJdkOnly(),
        portsDependOnTheDomainOnly(),
        adaptersAreIndependentOfEachOther(),
        adaptersDependOnlyInwards(),
        onlyTheApplicationKnowsTheFramework(),
        theCoreHasNoSerialisationLibraries(),
        theEmulatorStandsAlone());
  }
}
