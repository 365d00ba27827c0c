package dev.handoff.archfixture.violating.adapter.gamma;

import jakarta.ws.rs.GET;

/** Violates: only the application touches Jakarta REST. */
public class GammaResource {
  @GET
  public String get() {
    return "";
  }
}
