package dev.handoff.contract.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dependency rules of a hexagon (ports and adapters), for any root package. The layers are
 * packages under the root, named as you name them; Handoff's names are the default:
 *
 * <ul>
 *   <li>domain ({@code <root>.domain..}) — the model; depends on the JDK only;
 *   <li>ports ({@code <root>.ports..}) — use cases, outbound ports, application services; depend on
 *       the domain only (and the JDK, its {@code javax.crypto} included); the inbound ports ({@code
 *       <root>.ports.in..}) and the outbound ports ({@code <root>.ports.out..}) never depend on
 *       each other: what both need lives beside them in the ports;
 *   <li>adapters ({@code <root>.adapter.<name>..}) — one provider or store each; never depend on
 *       another adapter, the application or a standalone part;
 *   <li>application ({@code <root>.app..}) — the only layer that may use the framework libraries;
 *   <li>standalone parts ({@code <root>.emulator..}) — depend on no other layer, so that they check
 *       the others independently.
 * </ul>
 *
 * <p>Besides, neither the domain nor the ports may use the serialisation libraries, and no layer
 * but the application the framework libraries. Each layer must match at least one class: a misspelt
 * layer name is an error, not a rule that passes because it checks nothing.
 *
 * <p>{@link #check(JavaClasses)} evaluates every rule and reports every violation of all of them in
 * one failure:
 *
 * <pre>{@code
 * class ArchitectureTest {
 *   @Test
 *   void theHexagonHolds() {
 *     HexagonRules.builder("com.example").adapters("adapters").application("boot").build().check();
 *   }
 * }
 * }</pre>
 *
 * <p>Long because it is the rule set and its builder: one documented method per rule or setting.
 */
public final class HexagonRules {
  /** Handoff's framework libraries: only the application may use them. */
  public static final List<String> HANDOFF_FRAMEWORKS =
      List.of("io.quarkus..", "jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy..");

  /** Handoff's serialisation libraries: the domain and the ports never use them. */
  public static final List<String> HANDOFF_SERIALISATION =
      List.of("com.fasterxml.jackson..", "org.mapstruct..");

  private static final Pattern LAYER_NAME =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

  private final String root;
  private final String domain;
  private final String ports;
  private final String adapters;
  private final Optional<String> application;
  private final List<String> standalone;
  private final List<String> frameworks;
  private final List<String> serialisation;
  private final String inboundPorts;
  private final String outboundPorts;

  private HexagonRules(Builder builder) {
    this.root = builder.root;
    this.domain = builder.domain;
    this.ports = builder.ports;
    this.adapters = builder.adapters;
    this.application = Optional.ofNullable(builder.application);
    this.standalone = List.copyOf(builder.standalone);
    this.frameworks = List.copyOf(builder.frameworks);
    this.serialisation = List.copyOf(builder.serialisation);
    this.inboundPorts = builder.inboundPorts;
    this.outboundPorts = builder.outboundPorts;
  }

  /**
   * @param rootPackage the root package, e.g. {@code com.example.telephony}
   * @return a builder with Handoff's layer names and library lists
   */
  public static Builder builder(String rootPackage) {
    return new Builder(rootPackage);
  }

  /**
   * @param rootPackage the root package, laid out with Handoff's layer names
   * @return the rules for that root, with Handoff's layer names and library lists
   */
  public static HexagonRules forRoot(String rootPackage) {
    return builder(rootPackage).build();
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
   * @return every layer this configuration names, by what it is, e.g. {@code domain →
   *     com.example.domain..}
   */
  public Map<String, String> layers() {
    Map<String, String> layers = new LinkedHashMap<>();
    layers.put("domain", layer(domain));
    layers.put("ports", layer(ports));
    layers.put("adapters", layer(adapters));
    application.ifPresent(name -> layers.put("application", layer(name)));
    for (String part : standalone) {
      layers.put("standalone part " + part, layer(part));
    }
    return layers;
  }

  /**
   * @return each configured layer has at least one class
   */
  public ArchRule everyLayerHasClasses() {
    return classes()
        .should(new LayersPresent(layers()))
        .allowEmptyShould(false)
        .as("every configured layer of " + root + " has classes");
  }

  /**
   * @return the domain depends on the JDK and itself only
   */
  public ArchRule domainDependsOnTheJdkOnly() {
    return classes()
        .that()
        .resideInAPackage(layer(domain))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", layer(domain))
        .allowEmptyShould(true)
        .as("the domain (" + layer(domain) + ") depends on the JDK only");
  }

  /**
   * @return the ports depend on the JDK, the domain and themselves only; the JDK's {@code
   *     javax.crypto} (in {@code java.base}) counts as the JDK, since ports may need a MAC or a
   *     cipher (Handoff's bind callback URLs to their operation with an HMAC)
   */
  public ArchRule portsDependOnTheDomainOnly() {
    return classes()
        .that()
        .resideInAPackage(layer(ports))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax.crypto..", layer(domain), layer(ports))
        .allowEmptyShould(true)
        .as("the ports (" + layer(ports) + ") depend on the domain only");
  }

  /**
   * @return the inbound ports (use cases) and the outbound ports (what the application needs of the
   *     world) do not depend on each other; types both sides share live beside them in the ports. A
   *     code base whose ports are not split this way passes: there is nothing to check
   */
  public ArchRule inboundAndOutboundPortsAreIndependent() {
    String in = root + "." + ports + "." + inboundPorts + "..";
    String out = root + "." + ports + "." + outboundPorts + "..";
    return CompositeArchRule.of(
            noClasses()
                .that()
                .resideInAPackage(in)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(out)
                .allowEmptyShould(true))
        .and(
            noClasses()
                .that()
                .resideInAPackage(out)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(in)
                .allowEmptyShould(true))
        .as("inbound ports (" + in + ") and outbound ports (" + out + ") never see each other");
  }

  /**
   * @return no adapter depends on another adapter
   */
  public ArchRule adaptersAreIndependentOfEachOther() {
    return slices()
        .matching(root + "." + adapters + ".(*)..")
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true)
        .as("adapters (" + layer(adapters) + ") never see each other");
  }

  /**
   * @return no adapter depends on the application or a standalone part
   * @throws IllegalStateException when neither is configured: then the rule has nothing to forbid
   */
  public ArchRule adaptersDependOnlyInwards() {
    List<String> outer = new ArrayList<>();
    application.ifPresent(name -> outer.add(layer(name)));
    standalone.forEach(part -> outer.add(layer(part)));
    if (outer.isEmpty()) {
      throw new IllegalStateException(
          "adaptersDependOnlyInwards: neither an application nor a standalone part is configured");
    }
    return noClasses()
        .that()
        .resideInAPackage(layer(adapters))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(outer.toArray(new String[0]))
        .allowEmptyShould(true)
        .as(
            "adapters depend on the domain and the ports, never on "
                + (application.isPresent() ? "the application or " : "")
                + "a standalone part");
  }

  /**
   * @return only the application depends on the framework libraries
   */
  public ArchRule onlyTheApplicationKnowsTheFramework() {
    return (application.isPresent()
            ? noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(layer(application.get()))
            : noClasses().that().resideInAPackage(root + ".."))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(frameworks.toArray(new String[0]))
        .allowEmptyShould(true)
        .as(
            (application.isPresent() ? "only the application touches " : "nothing touches ")
                + String.join(", ", frameworks));
  }

  /**
   * @return neither the domain nor the ports use the serialisation libraries
   */
  public ArchRule theCoreHasNoSerialisationLibraries() {
    return noClasses()
        .that()
        .resideInAnyPackage(layer(domain), layer(ports))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(serialisation.toArray(new String[0]))
        .allowEmptyShould(true)
        .as(String.join(", ", serialisation) + " never appear in the domain or the ports");
  }

  /**
   * @return no standalone part depends on another layer
   * @throws IllegalStateException when no standalone part is configured
   */
  public ArchRule theStandalonePartsStandAlone() {
    if (standalone.isEmpty()) {
      throw new IllegalStateException(
          "theStandalonePartsStandAlone: no standalone part is configured");
    }
    List<String> others = new ArrayList<>(List.of(layer(domain), layer(ports), layer(adapters)));
    application.ifPresent(name -> others.add(layer(name)));
    List<String> parts = new ArrayList<>();
    standalone.forEach(part -> parts.add(layer(part)));
    return noClasses()
        .that()
        .resideInAnyPackage(parts.toArray(new String[0]))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others.toArray(new String[0]))
        .allowEmptyShould(true)
        .as("the standalone parts " + standalone + " are independent of what they check");
  }

  /**
   * @return every rule that applies to the configured layers, the presence of every layer first
   */
  public List<ArchRule> all() {
    List<ArchRule> rules = new ArrayList<>();
    rules.add(everyLayerHasClasses());
    rules.add(domainDependsOnTheJdkOnly());
    rules.add(portsDependOnTheDomainOnly());
    rules.add(inboundAndOutboundPortsAreIndependent());
    rules.add(adaptersAreIndependentOfEachOther());
    if (application.isPresent() || !standalone.isEmpty()) {
      rules.add(adaptersDependOnlyInwards());
    }
    rules.add(onlyTheApplicationKnowsTheFramework());
    rules.add(theCoreHasNoSerialisationLibraries());
    if (!standalone.isEmpty()) {
      rules.add(theStandalonePartsStandAlone());
    }
    return List.copyOf(rules);
  }

  /**
   * Evaluates every rule on these classes.
   *
   * @param classes the classes, e.g. {@code new ClassFileImporter().importPackages(root)}
   * @throws AssertionError listing every violation of every rule, rule by rule, when any fails
   */
  public void check(JavaClasses classes) {
    List<String> failures = new ArrayList<>();
    int violations = 0;
    for (ArchRule rule : all()) {
      EvaluationResult result = rule.evaluate(classes);
      if (result.hasViolation()) {
        List<String> details = result.getFailureReport().getDetails();
        violations += Math.max(1, details.size());
        failures.add(result.getFailureReport().toString());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          "The hexagon under "
              + root
              + " breaks "
              + failures.size()
              + " of "
              + all().size()
              + " rules ("
              + violations
              + " violations):"
              + System.lineSeparator()
              + String.join(System.lineSeparator(), failures));
    }
  }

  /**
   * Imports the root package's production classes from the classpath (test classes left out) and
   * evaluates every rule on them.
   *
   * @throws AssertionError listing every violation of every rule when any fails
   */
  public void check() {
    check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root));
  }

  /** Reports each configured layer that no class resides in. */
  private static final class LayersPresent extends ArchCondition<JavaClass> {
    private final Map<String, String> layers;
    private final Map<String, Boolean> found = new LinkedHashMap<>();

    LayersPresent(Map<String, String> layers) {
      super("reside in layers that each have classes");
      this.layers = layers;
    }

    @Override
    public void init(Collection<JavaClass> allObjectsToTest) {
      found.clear();
      layers.keySet().forEach(layer -> found.put(layer, false));
    }

    @Override
    public void check(JavaClass item, ConditionEvents events) {
      for (Map.Entry<String, String> layer : layers.entrySet()) {
        if (item.getPackageName().equals(packageOf(layer.getValue()))
            || item.getPackageName().startsWith(packageOf(layer.getValue()) + ".")) {
          found.put(layer.getKey(), true);
        }
      }
    }

    @Override
    public void finish(ConditionEvents events) {
      found.forEach(
          (layer, present) -> {
            if (!present) {
              events.add(
                  SimpleConditionEvent.violated(
                      layer,
                      "the "
                          + layer
                          + " layer ("
                          + layers.get(layer)
                          + ") matches no class: check the root package and the layer's name,"
                          + " or leave the layer out if the code base has none"));
            }
          });
    }

    private static String packageOf(String pattern) {
      return pattern.substring(0, pattern.length() - 2);
    }
  }

  /** Builds {@link HexagonRules}: every part starts as Handoff's. */
  public static final class Builder {
    private final String root;
    private String domain = "domain";
    private String ports = "ports";
    private String adapters = "adapter";
    private String application = "app";
    private List<String> standalone = List.of("emulator");
    private List<String> frameworks = HANDOFF_FRAMEWORKS;
    private List<String> serialisation = HANDOFF_SERIALISATION;
    private String inboundPorts = "in";
    private String outboundPorts = "out";

    private Builder(String root) {
      this.root = name("rootPackage", root);
    }

    private static String name(String what, String value) {
      Objects.requireNonNull(value, what);
      if (!LAYER_NAME.matcher(value).matches()) {
        throw new IllegalArgumentException(
            what + ": must be a package name such as com.example, got '" + value + "'");
      }
      return value;
    }

    /**
     * @param name the domain's package under the root; {@code domain} by default
     * @return this builder
     */
    public Builder domain(String name) {
      domain = name("domain", name);
      return this;
    }

    /**
     * @param name the ports' package under the root; {@code ports} by default
     * @return this builder
     */
    public Builder ports(String name) {
      ports = name("ports", name);
      return this;
    }

    /**
     * @param inbound the inbound ports' (use cases') package under the ports; {@code in} by default
     * @param outbound the outbound ports' package under the ports; {@code out} by default
     * @return this builder
     */
    public Builder portDirections(String inbound, String outbound) {
      inboundPorts = name("inbound ports", inbound);
      outboundPorts = name("outbound ports", outbound);
      if (inboundPorts.equals(outboundPorts)) {
        throw new IllegalArgumentException(
            "port directions: inbound and outbound ports need their own packages, got '"
                + inbound
                + "' twice");
      }
      return this;
    }

    /**
     * @param name the package under the root whose sub-packages are the adapters, one each; {@code
     *     adapter} by default
     * @return this builder
     */
    public Builder adapters(String name) {
      adapters = name("adapters", name);
      return this;
    }

    /**
     * @param name the application's package under the root, the only one that may use the framework
     *     libraries; {@code app} by default
     * @return this builder
     */
    public Builder application(String name) {
      application = name("application", name);
      return this;
    }

    /**
     * For a code base without an application layer: then no class may use the framework libraries.
     *
     * @return this builder
     */
    public Builder withoutApplication() {
      application = null;
      return this;
    }

    /**
     * @param names the packages under the root that depend on no other layer (Handoff's emulator);
     *     none to have no such part; {@code emulator} by default
     * @return this builder
     */
    public Builder standalone(String... names) {
      List<String> parts = new ArrayList<>();
      for (String part : names) {
        parts.add(name("standalone", part));
      }
      standalone = parts;
      return this;
    }

    /**
     * @param packages ArchUnit package patterns only the application may use, e.g. {@code
     *     "org.springframework.."}; replaces Handoff's ({@link #HANDOFF_FRAMEWORKS})
     * @return this builder
     */
    public Builder frameworks(String... packages) {
      frameworks = patterns("frameworks", packages);
      return this;
    }

    /**
     * @param packages ArchUnit package patterns the domain and the ports never use; replaces
     *     Handoff's ({@link #HANDOFF_SERIALISATION})
     * @return this builder
     */
    public Builder serialisation(String... packages) {
      serialisation = patterns("serialisation", packages);
      return this;
    }

    private static List<String> patterns(String what, String... packages) {
      if (packages.length == 0) {
        throw new IllegalArgumentException(what + ": name at least one package pattern");
      }
      for (String pattern : packages) {
        if (pattern == null || pattern.isBlank()) {
          throw new IllegalArgumentException(what + ": a package pattern must not be blank");
        }
      }
      return Arrays.asList(packages.clone());
    }

    /**
     * @return the rules
     * @throws IllegalArgumentException when two layers have the same name
     */
    public HexagonRules build() {
      List<String> names = new ArrayList<>(List.of(domain, ports, adapters));
      if (application != null) {
        names.add(application);
      }
      names.addAll(standalone);
      if (names.stream().distinct().count() != names.size()) {
        throw new IllegalArgumentException(
            "layers: each layer needs its own package, got " + names);
      }
      return new HexagonRules(this);
    }
  }
}
