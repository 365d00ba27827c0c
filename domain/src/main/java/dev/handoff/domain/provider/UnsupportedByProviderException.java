package dev.handoff.domain.provider;

import dev.handoff.domain.HandoffException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown, before any request is sent, when a command needs something the chosen provider cannot
 * carry. Handoff never drops what a provider cannot carry.
 */
public final class UnsupportedByProviderException extends HandoffException {
  private static final long serialVersionUID = 1L;

  private final ProviderId provider;
  private final transient List<CapabilityViolation> violations;

  /**
   * @param provider the provider
   * @param violations what it cannot carry; not empty
   */
  public UnsupportedByProviderException(ProviderId provider, List<CapabilityViolation> violations) {
    super(
        "Provider '"
            + provider
            + "' cannot carry: "
            + violations.stream()
                .map(CapabilityViolation::toString)
                .collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("needs at least one violation");
    }
    this.provider = provider;
    this.violations = List.copyOf(violations);
  }

  /**
   * @return the provider
   */
  public ProviderId provider() {
    return provider;
  }

  /**
   * @return everything the provider cannot carry
   */
  public List<CapabilityViolation> violations() {
    return violations;
  }
}
