package dev.handoff.adapter.acs.auth;

import dev.handoff.adapter.acs.auth.CallbackAuthenticationException.Reason;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pre-shared secret alternative ACS documents: the application puts a secret in the query of
 * the callback URI it gives ACS ({@link #protect(URI)}), and checks it on every callback. The
 * comparison takes the same time whatever the presented value (SHA-256 of both, then {@link
 * MessageDigest#isEqual}), so it leaks neither content nor length. Thread-safe.
 */
public final class QuerySecretVerifier implements CallbackAuthenticator {
  /** Shortest secret accepted: a short secret can be guessed. */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9._~-]+");

  private final String parameter;
  private final String secret;
  private final byte[] secretHash;

  private QuerySecretVerifier(String parameter, String secret) {
    this.parameter = parameter;
    this.secret = secret;
    this.secretHash = sha256(secret);
  }

  /**
   * @param parameter the query parameter name, e.g. {@code secret}
   * @param secret the secret, at least {@value #MIN_SECRET_LENGTH} characters
   * @return the verifier
   * @throws IllegalArgumentException for an invalid name or a short secret
   */
  public static QuerySecretVerifier of(String parameter, String secret) {
    if (parameter == null || !PARAMETER.matcher(parameter).matches()) {
      throw new IllegalArgumentException(
          "parameter: must be letters, digits or . _ ~ -, got '" + parameter + "'");
    }
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "secret: must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    return new QuerySecretVerifier(parameter, secret);
  }

  /**
   * @param callbackUri the callback URI to give ACS
   * @return it with the secret appended to its query
   */
  public URI protect(URI callbackUri) {
    Objects.requireNonNull(callbackUri, "callbackUri");
    String pair = parameter + "=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String query = callbackUri.getRawQuery();
    String text = callbackUri.toString();
    String fragment = callbackUri.getRawFragment();
    String base =
        fragment == null ? text : text.substring(0, text.length() - fragment.length() - 1);
    return URI.create(
        base + (query == null ? "?" : "&") + pair + (fragment == null ? "" : "#" + fragment));
  }

  /**
   * @param requestUri the URI the callback was received on, query included
   * @throws CallbackAuthenticationException when the secret is missing, repeated or wrong
   */
  public void verify(URI requestUri) {
    Objects.requireNonNull(requestUri, "requestUri");
    List<String> values = values(requestUri.getRawQuery());
    if (values.isEmpty()) {
      throw new CallbackAuthenticationException(
          Reason.MISSING_SECRET, "the query has no '" + parameter + "' parameter");
    }
    if (values.size() > 1) {
      throw new CallbackAuthenticationException(
          Reason.WRONG_SECRET, "the query has '" + parameter + "' " + values.size() + " times");
    }
    if (!MessageDigest.isEqual(secretHash, sha256(values.get(0)))) {
      throw new CallbackAuthenticationException(
          Reason.WRONG_SECRET, "the '" + parameter + "' parameter does not hold the secret");
    }
  }

  @Override
  public void authenticate(CallbackRequest request) {
    verify(request.uri());
  }

  private List<String> values(String rawQuery) {
    List<String> values = new ArrayList<>(1);
    if (rawQuery == null) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(name).equals(parameter)) {
        values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  // One digest per thread, rather than a provider lookup on every request.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
              throw new IllegalStateException("every JDK has SHA-256", impossible);
            }
          });

  private static byte[] sha256(String text) {
    // digest() resets it for the next use.
    return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "QuerySecretVerifier[" + parameter + "=***]";
  }
}
