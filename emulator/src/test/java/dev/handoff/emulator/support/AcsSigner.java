package dev.handoff.emulator.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way the ACS SDK's HMAC policy does (HMAC-SHA256 over verb, path and query,
 * date, host and content hash), written independently.
 */
public final class AcsSigner {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private AcsSigner() {}

  /** The current time as the SDK formats {@code x-ms-date}. */
  public static String now() {
    return DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  /** Base64 SHA-256 of the body. */
  public static String contentHash(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64 HMAC-SHA256 of a string with a base64 key. */
  public static String hmac(String accessKey, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(accessKey), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The headers of a signed request.
   *
   * @param host the host value to sign (with or without port)
   */
  public static Map<String, String> headers(
      String accessKey, String method, URI uri, byte[] body, String host, String date) {
    String hash = contentHash(body);
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String stringToSign = method + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + hash;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ms-date", date);
    headers.put("x-ms-content-sha256", hash);
    headers.put(
        "Authorization",
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
            + hmac(accessKey, stringToSign));
    return headers;
  }
}
