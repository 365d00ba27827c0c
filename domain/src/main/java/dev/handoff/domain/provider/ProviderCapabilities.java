package dev.handoff.domain.provider;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.participant.ParticipantKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one provider can carry, declared truthfully by its adapter, and the check of a command
 * against it: the features it needs, the participants it addresses, and the provider's limits
 * ({@link ProviderLimits}), each refusal naming the field. The checks themselves are {@code
 * CapabilityCheck}.
 *
 * @param provider the provider
 * @param features the features it supports
 * @param addressable the kinds of participant it can address
 * @param maxRedirectTargets the most targets one redirect may name (0 when it cannot redirect)
 * @param redirectRingTimeout the ring timeouts it accepts on redirect, when it has one
 * @param limits its numeric limits and wire requirements
 */
public record ProviderCapabilities(
    ProviderId provider,
    Set<Capability> features,
    Set<ParticipantKind> addressable,
    int maxRedirectTargets,
    Optional<SecondsRange> redirectRingTimeout,
    ProviderLimits limits) {

  /**
   * An inclusive range of whole seconds.
   *
   * @param min the least
   * @param max the most
   */
  public record SecondsRange(long min, long max) {
    /** Validates the range. */
    public SecondsRange {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("invalid range " + min + ".." + max);
      }
    }

    /**
     * @param duration a duration
     * @return whether it lies in the range
     */
    public boolean contains(Duration duration) {
      return duration.getSeconds() >= min && duration.getSeconds() <= max;
    }
  }

  /** Copies the sets, unmodifiable. */
  public ProviderCapabilities {
    Objects.requireNonNull(provider, "provider");
    features =
        Collections.unmodifiableSet(
            features.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(features));
    addressable =
        Collections.unmodifiableSet(
            addressable.isEmpty()
                ? EnumSet.noneOf(ParticipantKind.class)
                : EnumSet.copyOf(addressable));
    redirectRingTimeout = redirectRingTimeout == null ? Optional.empty() : redirectRingTimeout;
    limits = limits == null ? ProviderLimits.NONE : limits;
    if (maxRedirectTargets < 0) {
      throw new IllegalArgumentException("maxRedirectTargets must not be negative");
    }
  }

  /**
   * Capabilities without limits.
   *
   * @param provider the provider
   * @param features the features it supports
   * @param addressable the kinds of participant it can address
   * @param maxRedirectTargets the most targets one redirect may name
   * @param redirectRingTimeout the ring timeouts it accepts on redirect, when it has one
   */
  public ProviderCapabilities(
      ProviderId provider,
      Set<Capability> features,
      Set<ParticipantKind> addressable,
      int maxRedirectTargets,
      Optional<SecondsRange> redirectRingTimeout) {
    this(
        provider,
        features,
        addressable,
        maxRedirectTargets,
        redirectRingTimeout,
        ProviderLimits.NONE);
  }

  /**
   * @param feature a feature
   * @return whether the provider supports it
   */
  public boolean supports(Capability feature) {
    return features.contains(feature);
  }

  /**
   * @param command a command
   * @return everything in it the provider cannot carry; empty when it can carry all of it
   */
  public List<CapabilityViolation> check(CallCommand command) {
    CapabilityCheck check = new CapabilityCheck(this);
    command.accept(check);
    return check.found;
  }

  /**
   * @param command one action of a warm handoff
   * @return everything in it the provider cannot carry; empty when it can carry all of it
   */
  public List<CapabilityViolation> check(ActionCommand command) {
    CapabilityCheck check = new CapabilityCheck(this);
    check.action(command);
    return check.found;
  }

  /**
   * @param command one action of a warm handoff
   * @throws UnsupportedByProviderException naming everything the provider cannot carry
   */
  public void requireSupported(ActionCommand command) {
    List<CapabilityViolation> violations = check(command);
    if (!violations.isEmpty()) {
      throw new UnsupportedByProviderException(provider, violations);
    }
  }

  /**
   * @param command a command
   * @throws UnsupportedByProviderException naming everything the provider cannot carry
   */
  public void requireSupported(CallCommand command) {
    List<CapabilityViolation> violations = check(command);
    if (!violations.isEmpty()) {
      throw new UnsupportedByProviderException(provider, violations);
    }
  }

  /**
   * @param provider the provider
   * @return a builder that starts with nothing supported
   */
  public static Builder builder(ProviderId provider) {
    return new Builder(provider);
  }

  /** Builds {@link ProviderCapabilities}. */
  public static final class Builder {
    private final ProviderId provider;
    private final Set<Capability> features = EnumSet.noneOf(Capability.class);
    private final Set<ParticipantKind> addressable = EnumSet.noneOf(ParticipantKind.class);
    private int maxRedirectTargets;
    private SecondsRange redirectRingTimeout;
    private ProviderLimits limits = ProviderLimits.NONE;

    private Builder(ProviderId provider) {
      this.provider = provider;
    }

    /**
     * @param supported the features supported
     * @return this builder
     */
    public Builder supports(Capability... supported) {
      features.addAll(List.of(supported));
      return this;
    }

    /**
     * @param kinds the participant kinds the provider can address
     * @return this builder
     */
    public Builder addresses(ParticipantKind... kinds) {
      addressable.addAll(List.of(kinds));
      return this;
    }

    /**
     * @param value the most targets one redirect may name
     * @return this builder
     */
    public Builder maxRedirectTargets(int value) {
      maxRedirectTargets = value;
      return this;
    }

    /**
     * @param minSeconds the shortest ring timeout
     * @param maxSeconds the longest ring timeout
     * @return this builder
     */
    public Builder redirectRingTimeout(long minSeconds, long maxSeconds) {
      redirectRingTimeout = new SecondsRange(minSeconds, maxSeconds);
      return this;
    }

    /**
     * @param value the provider's numeric limits and wire requirements
     * @return this builder
     */
    public Builder limits(ProviderLimits value) {
      limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /**
     * @return the capabilities
     */
    public ProviderCapabilities build() {
      return new ProviderCapabilities(
          provider,
          features,
          addressable,
          maxRedirectTargets,
          Optional.ofNullable(redirectRingTimeout),
          limits);
    }
  }
}
