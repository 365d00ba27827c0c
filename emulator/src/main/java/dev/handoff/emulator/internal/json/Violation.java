package dev.handoff.emulator.internal.json;

/**
 * One way a request body breaks its schema.
 *
 * @param path the JSON path of the offending field, e.g. {@code
 *     targetParticipant.phoneNumber.value} ({@code $} for the body itself)
 * @param rule what is wrong, in words
 */
public record Violation(String path, String rule) {

  /** A message naming the field and the rule, as the provider's 400 carries it. */
  public String message() {
    return "Invalid request: '" + path + "' " + rule + ".";
  }
}
