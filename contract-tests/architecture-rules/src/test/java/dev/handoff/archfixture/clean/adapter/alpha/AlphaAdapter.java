package dev.handoff.archfixture.clean.adapter.alpha;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.handoff.archfixture.clean.domain.Model;
import dev.handoff.archfixture.clean.ports.Port;
import java.util.List;

/** An adapter implementing a port with its own library (Jackson). */
public class AlphaAdapter implements Port {
  @JsonProperty public String wire;

  @Override
  public Model load() {
    return new Model(List.of(wire));
  }
}
