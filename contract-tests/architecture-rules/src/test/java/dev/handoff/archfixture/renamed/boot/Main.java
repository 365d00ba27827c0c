package dev.handoff.archfixture.renamed.boot;

import dev.handoff.archfixture.renamed.adapters.alpha.AlphaStore;

/** The application, in a layer named "boot". */
public class Main {
  public AlphaStore store;
}
