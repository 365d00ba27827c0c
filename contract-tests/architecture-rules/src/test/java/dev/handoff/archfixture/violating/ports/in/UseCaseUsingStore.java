package dev.handoff.archfixture.violating.ports.in;

import dev.handoff.archfixture.violating.ports.out.StoreUsingUseCase;

/** Violates: an inbound port depends on an outbound port. */
public interface UseCaseUsingStore {
  /**
   * @return the store behind the use case, leaked through the inbound port
   */
  StoreUsingUseCase store();
}
