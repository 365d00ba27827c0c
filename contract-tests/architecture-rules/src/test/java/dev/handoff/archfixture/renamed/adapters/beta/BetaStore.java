package dev.handoff.archfixture.renamed.adapters.beta;

import dev.handoff.archfixture.renamed.adapters.alpha.AlphaStore;

/** Violates: an adapter that uses another adapter. */
public class BetaStore {
  public AlphaStore other;
}
