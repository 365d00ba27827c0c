package dev.handoff.contract.pact;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * What a verification class verifies against: a running emulator (every interaction, each state
 * staged through its control API) or a real service (the interactions whose states need nothing
 * live; the others are reported skipped, saying why).
 */
final class VerificationTarget {
  private final EmulatorControlApi emulator;
  private final Optional<SSLContext> tls;
  private final String provider;

  private VerificationTarget(
      EmulatorControlApi emulator, Optional<SSLContext> tls, String provider) {
    this.emulator = emulator;
    this.tls = tls;
    this.provider = provider;
  }

  /**
   * @param settings the settings
   * @param provider the real service's name, for messages, e.g. {@code ACS}
   * @param realConfigured whether the real service's credentials are set
   * @param realSettings how to set them, for the message when nothing is set
   * @return the emulator when its URL is set, else the real service when configured
   * @throws IllegalStateException saying what to set when neither is
   */
  static VerificationTarget resolve(
      VerificationSettings settings, String provider, boolean realConfigured, String realSettings) {
    Optional<SSLContext> tls = TrustedCertificates.from(settings);
    Optional<String> url = settings.get(VerificationSettings.EMULATOR_URL);
    if (url.isPresent()) {
      URI emulator = URI.create(url.get());
      System.out.println(
          "[handoff] verifying the " + provider + " pact against the emulator at " + emulator);
      return new VerificationTarget(EmulatorControlApi.connect(emulator, tls), tls, provider);
    }
    if (realConfigured) {
      System.out.println(
          "[handoff] verifying the "
              + provider
              + " pact against the real service: only the interactions whose provider states need"
              + " nothing live");
      return new VerificationTarget(null, tls, provider);
    }
    throw new IllegalStateException(
        "Nothing to verify the "
            + provider
            + " pact against. Set "
            + VerificationSettings.howToSet(VerificationSettings.EMULATOR_URL)
            + " to a running Handoff emulator (java -jar handoff-emulator-<version>-standalone.jar"
            + " --port 8089, then http://127.0.0.1:8089), or "
            + realSettings
            + " for a real "
            + provider
            + " service.");
  }

  boolean emulated() {
    return emulator != null;
  }

  /**
   * @return the emulator's control API
   * @throws IllegalStateException when verifying against a real service
   */
  EmulatorControlApi emulator() {
    if (emulator == null) {
      throw new IllegalStateException("no emulator: verifying against the real " + provider);
    }
    return emulator;
  }

  Optional<SSLContext> tls() {
    return tls;
  }

  /**
   * Why an interaction cannot be verified against the real service, if it cannot.
   *
   * @param interaction the interaction about to be verified
   * @param staged the provider states a test can stage on the real service
   * @param stagedWith states stageable only together with another state (e.g. a call named only to
   *     be refused before the service looks it up), each with that state
   * @return the reason, or empty when it can be verified
   */
  Optional<String> notVerifiable(
      Interaction interaction, Set<String> staged, Map<String, String> stagedWith) {
    if (emulated()) {
      return Optional.empty();
    }
    List<String> states =
        interaction.getProviderStates().stream()
            .map(ProviderState::getName)
            .collect(Collectors.toList());
    List<String> live =
        states.stream()
            .filter(state -> !staged.contains(state))
            .filter(
                state -> !(stagedWith.containsKey(state) && states.contains(stagedWith.get(state))))
            .collect(Collectors.toList());
    if (live.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "'"
            + interaction.getDescription()
            + "' is not verified against the real "
            + provider
            + ": its provider state "
            + live
            + " needs a live call the verification would act on. The same class verifies it"
            + " against the emulator (set "
            + VerificationSettings.EMULATOR_URL
            + ").");
  }
}
