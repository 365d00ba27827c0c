package dev.handoff.archfixture.violating.emulator;

import dev.handoff.archfixture.violating.domain.DomainUsingJackson;

/** Violates: the emulator is independent of what it checks. */
public class EmulatorUsingDomain {
  public DomainUsingJackson model;
}
