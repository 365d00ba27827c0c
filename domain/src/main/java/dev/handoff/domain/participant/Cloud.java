package dev.handoff.domain.participant;

import java.util.Locale;

/** The Microsoft cloud a Teams identity lives in. */
public enum Cloud {
  /** The public (commercial) cloud. */
  PUBLIC("public"),
  /** US Government DoD. */
  DOD("dod"),
  /** US Government Community Cloud High. */
  GCCH("gcch");

  private final String wireName;

  Cloud(String wireName) {
    this.wireName = wireName;
  }

  /**
   * @return the name the providers use on the wire: {@code public}, {@code dod} or {@code gcch}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * @param wireName {@code public}, {@code dod} or {@code gcch}, in any case
   * @return the cloud
   * @throws IllegalArgumentException for any other name
   */
  public static Cloud fromWireName(String wireName) {
    for (Cloud cloud : values()) {
      if (cloud.wireName.equals(wireName.toLowerCase(Locale.ROOT))) {
        return cloud;
      }
    }
    throw new IllegalArgumentException("unknown cloud: " + wireName);
  }
}
