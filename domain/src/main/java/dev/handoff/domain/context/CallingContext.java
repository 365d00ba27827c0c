package dev.handoff.domain.context;

import dev.handoff.domain.Shown;
import dev.handoff.domain.Violations;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Context handed to the party that picks up a transferred or added call.
 *
 * <p>The model checks the form of the context: custom SIP headers are named {@code X-MS-Custom-...}
 * or {@code X-...}, names hold letters, digits and {@code .!%*_+~-}, values (User-To-User included)
 * letters, digits and {@code =;.!%*_+~-}, no value is empty, no name repeats, User-To-User is set
 * through {@link #userToUser()} only; VoIP header names are not blank. How many headers a provider
 * carries, and how long their names and values may be, are that provider's limits, declared with
 * its capabilities ({@link dev.handoff.domain.provider.ProviderLimits}) and checked before anything
 * is sent. Context that breaks a rule or a limit is rejected, never cut.
 *
 * @param userToUser the SIP User-To-User (RFC 7433) value, sent as the {@code User-To-User} header
 * @param sipHeaders custom SIP headers by name, in the order given
 * @param voipHeaders VoIP headers by name, in the order given
 * @param teamsPhoneCallDetails details shown to a Teams Phone agent
 */
public record CallingContext(
    Optional<String> userToUser,
    Map<String, String> sipHeaders,
    Map<String, String> voipHeaders,
    Optional<TeamsPhoneCallDetails> teamsPhoneCallDetails) {

  /** The SIP header that carries User-To-User information. */
  public static final String USER_TO_USER_HEADER = "User-To-User";

  /** The legacy custom SIP header prefix. */
  public static final String MS_CUSTOM_PREFIX = "X-MS-Custom-";

  /** The generic custom SIP header prefix. */
  public static final String X_PREFIX = "X-";

  /** A context that carries nothing. */
  public static final CallingContext EMPTY =
      new CallingContext(Optional.empty(), Map.of(), Map.of(), Optional.empty());

  private static final Pattern SIP_KEY = Pattern.compile("[A-Za-z0-9.!%*_+~-]+");
  private static final Pattern SIP_VALUE = Pattern.compile("[A-Za-z0-9=;.!%*_+~-]+");

  /** Validates every limit and keeps the maps in their given order, unmodifiable. */
  public CallingContext {
    Violations v = Violations.of("CallingContext");
    userToUser = userToUser == null ? Optional.empty() : userToUser;
    sipHeaders = copy(sipHeaders);
    voipHeaders = copy(voipHeaders);
    teamsPhoneCallDetails =
        teamsPhoneCallDetails == null ? Optional.empty() : teamsPhoneCallDetails;
    userToUser.ifPresent(value -> checkSipValue(v, "userToUser", value));
    checkSipHeaders(v, sipHeaders);
    checkVoipHeaders(v, voipHeaders);
    v.throwIfAny();
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null || map.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static void checkSipHeaders(Violations v, Map<String, String> headers) {
    Set<String> seen = new HashSet<>();
    headers.forEach(
        (key, value) -> {
          String path = "sipHeaders[" + key + "]";
          if (!v.required(path, key)) {
            return;
          }
          if (!seen.add(key.toLowerCase(Locale.ROOT))) {
            v.add(path, "repeats a header name (names are case-insensitive)", Shown.value(key));
          }
          if (isUserToUserName(key)) {
            v.add(path, "must not be User-To-User: set userToUser instead", Shown.value(key));
            return;
          }
          boolean prefixed = key.regionMatches(true, 0, X_PREFIX, 0, X_PREFIX.length());
          v.check(
              prefixed && key.length() > prefixLength(key),
              path,
              "must be named " + MS_CUSTOM_PREFIX + "<name> or " + X_PREFIX + "<name>",
              key);
          v.check(
              SIP_KEY.matcher(key).matches(),
              path,
              "name may hold only letters, digits and . ! % * _ + ~ -",
              key);
          checkSipValue(v, path, value);
        });
  }

  private static int prefixLength(String key) {
    return key.regionMatches(true, 0, MS_CUSTOM_PREFIX, 0, MS_CUSTOM_PREFIX.length())
        ? MS_CUSTOM_PREFIX.length()
        : X_PREFIX.length();
  }

  private static void checkSipValue(Violations v, String path, String value) {
    if (!v.required(path, value)) {
      return;
    }
    v.check(!value.isEmpty(), path, "value must not be empty", null);
    v.check(
        value.isEmpty() || SIP_VALUE.matcher(value).matches(),
        path,
        "value may hold only letters, digits and = ; . ! % * _ + ~ -",
        value);
  }

  private static void checkVoipHeaders(Violations v, Map<String, String> headers) {
    headers.forEach(
        (key, value) -> {
          String path = "voipHeaders[" + key + "]";
          if (v.required(path, key)) {
            v.check(!key.isBlank(), path, "name must not be blank", key);
          }
          v.required(path, value);
        });
  }

  /**
   * @param name a SIP header name as a provider reported it
   * @return whether it names the User-To-User header, in any of the spellings providers use: any
   *     case, with or without hyphens ({@code User-To-User}, {@code user-to-user}, {@code
   *     userToUser})
   */
  public static boolean isUserToUserName(String name) {
    return name.replace("-", "").equalsIgnoreCase("usertouser");
  }

  /**
   * @return whether this context carries nothing
   */
  public boolean isEmpty() {
    return userToUser.isEmpty()
        && sipHeaders.isEmpty()
        && voipHeaders.isEmpty()
        && teamsPhoneCallDetails.isEmpty();
  }

  /**
   * @return a builder for a new context
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CallingContext}; {@link #build()} validates. */
  public static final class Builder {
    private String userToUser;
    private final Map<String, String> sipHeaders = new LinkedHashMap<>();
    private final Map<String, String> voipHeaders = new LinkedHashMap<>();
    private TeamsPhoneCallDetails teamsPhoneCallDetails;

    private Builder() {}

    /**
     * @param value the User-To-User value
     * @return this builder
     */
    public Builder userToUser(String value) {
      this.userToUser = value;
      return this;
    }

    /**
     * Adds a custom SIP header under its full name.
     *
     * @param name the full name, {@code X-MS-Custom-...} or {@code X-...}
     * @param value the value
     * @return this builder
     */
    public Builder sipHeader(String name, String value) {
      sipHeaders.put(name, value);
      return this;
    }

    /**
     * Adds a custom SIP header named {@code X-MS-Custom-<name>}.
     *
     * @param name the name without prefix
     * @param value the value
     * @return this builder
     */
    public Builder msCustomSipHeader(String name, String value) {
      return sipHeader(MS_CUSTOM_PREFIX + name, value);
    }

    /**
     * @param name the VoIP header name
     * @param value the value
     * @return this builder
     */
    public Builder voipHeader(String name, String value) {
      voipHeaders.put(name, value);
      return this;
    }

    /**
     * @param details the Teams phone call details
     * @return this builder
     */
    public Builder teamsPhoneCallDetails(TeamsPhoneCallDetails details) {
      this.teamsPhoneCallDetails = details;
      return this;
    }

    /**
     * @return the validated context
     * @throws dev.handoff.domain.ValidationException listing every broken limit
     */
    public CallingContext build() {
      return new CallingContext(
          Optional.ofNullable(userToUser),
          sipHeaders,
          voipHeaders,
          Optional.ofNullable(teamsPhoneCallDetails));
    }
  }
}
