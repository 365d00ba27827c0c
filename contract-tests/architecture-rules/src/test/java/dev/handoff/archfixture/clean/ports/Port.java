package dev.handoff.archfixture.clean.ports;

import dev.handoff.archfixture.clean.domain.Model;

/** A port on the domain. */
public interface Port {
  /**
   * @return a model
   */
  Model load();
}
