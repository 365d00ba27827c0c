package dev.handoff.archfixture.violating.adapter.beta;

import dev.handoff.archfixture.violating.app.AppThing;

/** Violates: adapters never depend on the application. */
public class BetaThing {
  public AppThing app;
}
