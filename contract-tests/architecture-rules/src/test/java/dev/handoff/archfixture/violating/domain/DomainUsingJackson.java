package dev.handoff.archfixture.violating.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Violates: the domain depends on the JDK only; no Jackson in the core. */
public class DomainUsingJackson {
  @JsonProperty("name")
  public String name;
}
