package dev.handoff.emulator.internal.acs;

import dev.handoff.emulator.internal.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks ACS access-key (HMAC-SHA256) signatures: {@code Authorization: HMAC-SHA256
 * SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>}, where the string to sign is
 * {@code METHOD\npath?query\n<date>;<host>;<content hash>} and {@code x-ms-content-sha256} must be
 * the SHA-256 of the body. {@code Date} may stand in for {@code x-ms-date}. The host may be signed
 * with or without the port: the Azure SDK signs the bare host while {@code java.net.http} clients
 * can only sign the {@code Host} header they send, which carries a non-default port.
 */
public final class HmacVerifier {

  private final byte[] key;
  private final Clock clock;
  private final Duration skew;

  /**
   * Creates a verifier.
   *
   * @param accessKeyBase64 the resource's access key, base64
   * @param clock the emulator's clock
   * @param skew how far the signed date may be from the clock
   */
  public HmacVerifier(String accessKeyBase64, Clock clock, Duration skew) {
    this.key = Base64.getDecoder().decode(accessKeyBase64);
    this.clock = clock;
    this.skew = skew;
  }

  /**
   * Verifies a request.
   *
   * @return why the signature is refused, or empty when it is valid
   */
  public Optional<String> verify(Request request, String authorization) {
    if (!authorization.regionMatches(true, 0, "HMAC-SHA256 ", 0, 12)) {
      return Optional.of("the Authorization scheme is not HMAC-SHA256");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String part : authorization.substring(12).trim().split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        params.put(
            part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
      }
    }
    String signedHeaders = params.get("signedheaders");
    String signature = params.get("signature");
    if (signedHeaders == null || signature == null) {
      return Optional.of("the Authorization header lacks SignedHeaders or Signature");
    }
    List<String> names = new ArrayList<>();
    for (String name : signedHeaders.split(";")) {
      names.add(name.trim().toLowerCase(Locale.ROOT));
    }
    if (!names.contains("host")
        || !names.contains("x-ms-content-sha256")
        || !(names.contains("x-ms-date") || names.contains("date"))) {
      return Optional.of("SignedHeaders must name a date header, host and x-ms-content-sha256");
    }
    Optional<String> hash = request.header("x-ms-content-sha256");
    if (hash.isEmpty() || !hash.get().equals(sha256Base64(request.body()))) {
      return Optional.of("x-ms-content-sha256 does not match the body");
    }
    String dateHeader = names.contains("x-ms-date") ? "x-ms-date" : "date";
    Optional<String> date = request.header(dateHeader);
    if (date.isEmpty()) {
      return Optional.of("the signed " + dateHeader + " header is missing");
    }
    try {
      Instant signedAt =
          ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      if (Duration.between(signedAt, clock.instant()).abs().compareTo(skew) > 0) {
        return Optional.of(dateHeader + " is more than " + skew.toMinutes() + " minutes off");
      }
    } catch (DateTimeParseException e) {
      return Optional.of(dateHeader + " is not an RFC 1123 date");
    }
    String host = request.header("host").orElse("");
    for (String candidate : hostVariants(host)) {
      List<String> values = new ArrayList<>();
      for (String name : names) {
        values.add(name.equals("host") ? candidate : request.header(name).orElse(""));
      }
      String stringToSign =
          request.method() + "\n" + request.pathAndQuery() + "\n" + String.join(";", values);
      if (MessageDigest.isEqual(
          sign(stringToSign).getBytes(StandardCharsets.US_ASCII),
          signature.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.empty();
      }
    }
    return Optional.of("the signature does not match");
  }

  /** Base64 of the HMAC-SHA256 of a string to sign, with this verifier's key. */
  public String sign(String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64 of the SHA-256 of the bytes. */
  public static String sha256Base64(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> hostVariants(String host) {
    int colon = host.lastIndexOf(':');
    boolean hasPort =
        colon > 0
            && (host.indexOf(':') == colon || host.startsWith("["))
            && host.substring(colon + 1).chars().allMatch(Character::isDigit)
            && colon < host.length() - 1;
    return hasPort ? List.of(host, host.substring(0, colon)) : List.of(host);
  }
}
