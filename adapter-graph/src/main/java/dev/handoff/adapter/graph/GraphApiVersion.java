package dev.handoff.adapter.graph;

import dev.handoff.domain.participant.Cloud;

/**
 * The Graph API version requests go to. Both take the same bodies from the domain: the members beta
 * adds ({@code endpointType}, {@code maskCallee}, ...) have no counterpart in the domain model, so
 * neither version is sent anything the other's schema lacks.
 */
public enum GraphApiVersion {
  /** {@code v1.0}, the default: global cloud and the US government clouds. */
  V1_0("v1.0"),
  /** {@code beta}: global cloud only. */
  BETA("beta");

  private final String pathSegment;

  GraphApiVersion(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /**
   * @return the URL path segment, {@code v1.0} or {@code beta}
   */
  public String pathSegment() {
    return pathSegment;
  }

  /**
   * @param cloud a cloud
   * @return whether this version serves cloud communications there (v1.0 and beta in every national
   *     cloud)
   */
  public boolean availableIn(Cloud cloud) {
    return this == V1_0 || cloud == Cloud.PUBLIC;
  }
}
