package dev.handoff.ports.callback;

import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryRefusedException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binds callback deliveries to what they may change, without storing anything: the callback URL
 * Handoff hands a provider for one operation (or one call) carries that operation's id and an
 * unguessable token, HMAC-SHA256 of the id under a server secret. Any instance holding the secret
 * can check a delivery's URL, and a token captured from one operation's delivery is worth nothing
 * for another: the provider signs who sent a callback, the token says what it is about.
 *
 * <p>Query parameters (appended to the callback base, whose own query, such as a {@code secret}, is
 * kept): {@value #OPERATION_PARAMETER} or {@value #CALL_PARAMETER}, and {@value #TOKEN_PARAMETER}.
 *
 * <pre>{@code
 * CallbackBinding binding = CallbackBinding.of(secretBytes);          // the same on every instance
 * URI perOperation = binding.operationUri(base, operationId);         // e.g. ACS operationCallbackUri
 * URI perCall = binding.callUri(base, callId);                        // e.g. a Graph call's callbackUri
 * Delivery delivery = binding.delivery(requestUri);                   // on receipt, then
 * service.record(events, delivery);                                   // HandoffService checks the events
 * }</pre>
 *
 * <p>Thread-safe and immutable.
 */
public final class CallbackBinding {
  /** The query parameter naming the operation a URL is bound to. */
  public static final String OPERATION_PARAMETER = "handoff-operation";

  /** The query parameter naming the call a URL is bound to. */
  public static final String CALL_PARAMETER = "handoff-call";

  /** The query parameter carrying the token. */
  public static final String TOKEN_PARAMETER = "handoff-token";

  /** The least secret length, in bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";
  private static final int TOKEN_CHARS = 32;

  private final SecretKeySpec key;
  // One initialised Mac per thread: every submission and every callback computes a token, and
  // looking the algorithm up and keying it each time costs more than the HMAC itself.
  private final ThreadLocal<Mac> macs;

  private CallbackBinding(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /**
   * @param secret the server secret, at least {@value #MIN_SECRET_BYTES} bytes; every instance that
   *     receives callbacks must hold the same
   * @return the binding
   * @throws IllegalArgumentException when the secret is too short
   */
  public static CallbackBinding of(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "secret: must be at least "
              + MIN_SECRET_BYTES
              + " bytes so that its tokens cannot be guessed, got "
              + secret.length);
    }
    return new CallbackBinding(secret.clone());
  }

  /**
   * @param secret the server secret as text (UTF-8), at least {@value #MIN_SECRET_BYTES} bytes
   * @return the binding
   */
  public static CallbackBinding of(String secret) {
    return of(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param operation an operation
   * @return the token that binds a URL to it
   */
  public String operationToken(OperationId operation) {
    return token("operation:" + operation.value());
  }

  /**
   * @param callId a call
   * @return the token that binds a URL to it
   */
  public String callToken(String callId) {
    return token("call:" + callId);
  }

  /**
   * @param base the callback endpoint, e.g. {@code https://handoff.example.com/callbacks/acs}
   * @param operation the operation
   * @return {@code base} with the operation and its token added to the query
   */
  public URI operationUri(URI base, OperationId operation) {
    return withQuery(
        base,
        OPERATION_PARAMETER + "=" + encode(operation.value()),
        TOKEN_PARAMETER + "=" + operationToken(operation));
  }

  /**
   * @param base the callback endpoint, e.g. {@code https://handoff.example.com/callbacks/graph}
   * @param callId the call
   * @return {@code base} with the call and its token added to the query
   */
  public URI callUri(URI base, String callId) {
    return withQuery(
        base, CALL_PARAMETER + "=" + encode(callId), TOKEN_PARAMETER + "=" + callToken(callId));
  }

  /**
   * Reads what a delivery's URL binds it to.
   *
   * @param requestUri the URI the delivery was posted to, query included
   * @return unbound when the query names neither an operation nor a call
   * @throws DeliveryRefusedException with {@link DeliveryRefusedException.Reason#BAD_TOKEN} when it
   *     names one with a missing or wrong token, or names both
   */
  public Delivery delivery(URI requestUri) {
    Map<String, String> query = query(requestUri);
    Optional<String> operation = Optional.ofNullable(query.get(OPERATION_PARAMETER));
    Optional<String> call = Optional.ofNullable(query.get(CALL_PARAMETER));
    if (operation.isEmpty() && call.isEmpty()) {
      return Delivery.unbound();
    }
    if (operation.isPresent() && call.isPresent()) {
      throw refused("the callback URL names both an operation and a call");
    }
    String given = query.get(TOKEN_PARAMETER);
    if (given == null || given.isEmpty()) {
      throw refused("the callback URL names " + what(operation) + " but carries no token");
    }
    OperationId id;
    String expected;
    if (operation.isPresent()) {
      try {
        id = OperationId.of(operation.get());
      } catch (RuntimeException malformed) {
        throw refused("the callback URL names no valid operation id");
      }
      expected = operationToken(id);
    } else {
      id = null;
      expected = callToken(call.get());
    }
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8))) {
      throw refused("the callback URL's token is not the one issued for " + what(operation));
    }
    return id != null ? Delivery.toOperation(id) : Delivery.toCall(call.get());
  }

  private static String what(Optional<String> operation) {
    return operation.isPresent() ? "its operation" : "its call";
  }

  private static DeliveryRefusedException refused(String message) {
    return new DeliveryRefusedException(DeliveryRefusedException.Reason.BAD_TOKEN, message);
  }

  private String token(String scope) {
    // doFinal resets the Mac to its key, ready for the next token.
    byte[] digest = macs.get().doFinal(scope.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, TOKEN_CHARS);
  }

  private static URI withQuery(URI base, String... parameters) {
    Objects.requireNonNull(base, "base");
    String text = base.toString();
    int fragment = text.indexOf('#');
    if (fragment >= 0) {
      throw new IllegalArgumentException("base: must not have a fragment: " + base);
    }
    StringBuilder uri = new StringBuilder(text);
    uri.append(base.getRawQuery() == null || base.getRawQuery().isEmpty() ? '?' : '&');
    uri.append(String.join("&", parameters));
    return URI.create(uri.toString());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (parameters.putIfAbsent(name, value) != null
          && (name.equals(OPERATION_PARAMETER)
              || name.equals(CALL_PARAMETER)
              || name.equals(TOKEN_PARAMETER))) {
        throw refused("the callback URL repeats the parameter " + name);
      }
    }
    return parameters;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw refused("the callback URL's query is not well-formed");
    }
  }

  @Override
  public String toString() {
    return "CallbackBinding[HmacSHA256, secret hidden]";
  }
}
