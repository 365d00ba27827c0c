package dev.handoff.archfixture.violating.adapter.alpha;

import dev.handoff.archfixture.violating.adapter.beta.BetaThing;

/** Violates: adapters never see each other. */
public class AlphaThing {
  public BetaThing other;
}
