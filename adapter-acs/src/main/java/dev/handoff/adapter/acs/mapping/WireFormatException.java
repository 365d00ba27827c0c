package dev.handoff.adapter.acs.mapping;

/**
 * Something the service sent does not have the shape the ACS contract gives it.
 *
 * <p>The message names the field path and the broken rule, e.g. {@code data.participant: carries
 * more than one identifier sub-object [phoneNumber, communicationUser]}.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String rule;

  /**
   * @param path the field path
   * @param rule the broken rule
   */
  public WireFormatException(String path, String rule) {
    super(path + ": " + rule);
    this.path = path;
    this.rule = rule;
  }

  /**
   * @return the field path
   */
  public String path() {
    return path;
  }

  /**
   * @return the broken rule
   */
  public String rule() {
    return rule;
  }
}
