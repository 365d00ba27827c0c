package dev.handoff.archfixture.violating.ports;

import dev.handoff.archfixture.violating.adapter.alpha.AlphaThing;

/** Violates: the ports depend on the domain only. */
public class PortUsingAdapter {
  public AlphaThing adapter;
}
