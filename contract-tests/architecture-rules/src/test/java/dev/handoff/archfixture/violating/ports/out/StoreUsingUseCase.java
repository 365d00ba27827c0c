package dev.handoff.archfixture.violating.ports.out;

import dev.handoff.archfixture.violating.ports.in.UseCaseUsingStore;

/** Violates: an outbound port depends on an inbound port. */
public interface StoreUsingUseCase {
  /**
   * @param useCase the use case the store answers to
   */
  void serve(UseCaseUsingStore useCase);
}
