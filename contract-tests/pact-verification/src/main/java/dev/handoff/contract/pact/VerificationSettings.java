package dev.handoff.contract.pact;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the verification classes read their settings: a Java system property (the test JVM's {@code
 * -D...}, e.g. through Surefire's {@code systemPropertyVariables}) or, when it is not set, the
 * environment variable of the same name in upper case with underscores ({@code
 * handoff.emulator.url} → {@code HANDOFF_EMULATOR_URL}).
 */
public final class VerificationSettings {
  /** The URL of a running Handoff emulator, e.g. {@code http://127.0.0.1:8089}. */
  public static final String EMULATOR_URL = "handoff.emulator.url";

  /**
   * A PEM file with the certificates to trust for HTTPS, e.g. the emulator's ({@code GET
   * /_emulator/trust.pem}, or {@code --write-trust DIR} when it starts); without it the JDK's trust
   * store is used.
   */
  public static final String TLS_TRUST = "handoff.tls.trust";

  private final UnaryOperator<String> source;

  private VerificationSettings(UnaryOperator<String> source) {
    this.source = source;
  }

  /**
   * @return settings from system properties, then environment variables
   */
  public static VerificationSettings fromSystem() {
    return new VerificationSettings(
        name -> {
          String property = System.getProperty(name);
          return property != null ? property : System.getenv(environmentName(name));
        });
  }

  /**
   * @param source looks a setting up by its property name
   * @return settings from that source, e.g. a map in a test
   */
  public static VerificationSettings from(UnaryOperator<String> source) {
    return new VerificationSettings(source);
  }

  /**
   * @param name a property name, e.g. {@code handoff.emulator.url}
   * @return its environment-variable spelling, e.g. {@code HANDOFF_EMULATOR_URL}
   */
  public static String environmentName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * @param name a property name
   * @return its value when set and not blank
   */
  public Optional<String> get(String name) {
    return Optional.ofNullable(source.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * @param name a property name
   * @return how a user sets it, for messages: {@code -Dname=... or NAME}
   */
  public static String howToSet(String name) {
    return "the system property "
        + name
        + " (or the environment variable "
        + environmentName(name)
        + ")";
  }
}
