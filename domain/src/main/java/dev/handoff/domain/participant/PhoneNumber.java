package dev.handoff.domain.participant;

import dev.handoff.domain.Violations;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form, or the anonymous caller a provider reports when the number is
 * withheld.
 *
 * <p>Construction normalises the usual ways of writing a number: spaces, hyphens, dots and
 * parentheses are removed, so {@code "+1 (425) 555-0123"} becomes {@code "+14255550123"}. What
 * remains must be {@code +} and 7 to 15 digits, the first not 0.
 *
 * @param value the E.164 number, or {@code anonymous} when {@code anonymous} is true
 * @param anonymous whether this is a withheld number (only ever reported, never dialled)
 * @param assertedId the provider's asserted id, set when the same number joins one call twice
 * @param displayName an optional display name
 */
public record PhoneNumber(
    String value, boolean anonymous, Optional<String> assertedId, Optional<String> displayName)
    implements Participant {

  /** The value of an anonymous number. */
  public static final String ANONYMOUS_VALUE = "anonymous";

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0().-]");

  /** Normalises and validates the number. */
  public PhoneNumber {
    Violations v = Violations.of("PhoneNumber");
    assertedId = assertedId == null ? Optional.empty() : assertedId;
    if (anonymous) {
      v.check(
          value == null || ANONYMOUS_VALUE.equals(value),
          "value",
          "must be \"anonymous\" (or absent) for an anonymous number",
          value);
      value = ANONYMOUS_VALUE;
    } else if (v.required("value", value)) {
      String normalised = SEPARATORS.matcher(value).replaceAll("");
      if (v.check(
          E164.matcher(normalised).matches(),
          "value",
          "must be an E.164 number: '+' and 7 to 15 digits, the first not 0",
          value)) {
        value = normalised;
      }
    }
    assertedId.ifPresent(id -> v.identifier("assertedId", id));
    assertedId.ifPresent(
        id -> v.check(id.indexOf('_') < 0, "assertedId", "must not contain '_'", id));
    displayName = DisplayNames.check(v, displayName);
    v.throwIfAny();
  }

  /**
   * @param number an E.164 number, separators allowed
   * @return the number
   */
  public static PhoneNumber of(String number) {
    return new PhoneNumber(number, false, Optional.empty(), Optional.empty());
  }

  /**
   * @return the anonymous caller
   */
  public static PhoneNumber anonymousCaller() {
    return new PhoneNumber(ANONYMOUS_VALUE, true, Optional.empty(), Optional.empty());
  }

  /**
   * @param name the display name
   * @return this number with that display name
   */
  public PhoneNumber withDisplayName(String name) {
    return new PhoneNumber(value, anonymous, assertedId, Optional.ofNullable(name));
  }

  /**
   * @param id the asserted id
   * @return this number with that asserted id
   */
  public PhoneNumber withAssertedId(String id) {
    return new PhoneNumber(value, anonymous, Optional.ofNullable(id), displayName);
  }

  @Override
  public ParticipantKind kind() {
    return ParticipantKind.PHONE_NUMBER;
  }

  /** {@code 4:} and the number with its {@code +}; {@code _<assertedId>} appended when set. */
  @Override
  public String rawId() {
    return "4:" + value + assertedId.map(id -> "_" + id).orElse("");
  }

  @Override
  public <R> R accept(Participant.Visitor<R> visitor) {
    return visitor.phoneNumber(this);
  }
}
