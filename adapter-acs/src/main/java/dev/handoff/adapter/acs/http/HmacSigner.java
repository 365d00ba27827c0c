package dev.handoff.adapter.acs.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs ACS requests with an access key (HMAC-SHA256), exactly as the Azure SDKs do:
 *
 * <pre>
 * x-ms-content-sha256 = Base64(SHA-256(body))
 * string-to-sign      = METHOD + "\n" + rawPath[?rawQuery] + "\n" + x-ms-date + ";" + host + ";" + x-ms-content-sha256
 * Authorization       = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature="
 *                       + Base64(HMAC-SHA256(Base64Decode(accesskey), UTF-8(string-to-sign)))
 * </pre>
 *
 * Thread-safe.
 */
public final class HmacSigner {
  /** The {@code SignedHeaders} list the service expects. */
  public static final String SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

  private final byte[] key;

  /**
   * @param accessKey the decoded access key
   */
  public HmacSigner(byte[] accessKey) {
    if (accessKey == null || accessKey.length == 0) {
      throw new IllegalArgumentException("access key: is required");
    }
    this.key = Arrays.copyOf(accessKey, accessKey.length);
  }

  /**
   * The headers of one signed request.
   *
   * @param date the {@code x-ms-date} value
   * @param contentHash the {@code x-ms-content-sha256} value
   * @param stringToSign what was signed
   * @param authorization the {@code Authorization} value
   */
  public record Signature(
      String date, String contentHash, String stringToSign, String authorization) {}

  /**
   * @param method the HTTP method
   * @param uri the request URI (its raw, encoded path and query are signed)
   * @param host the Host header value that will be sent
   * @param body the body bytes
   * @param now the signing time
   * @return the signature headers
   */
  public Signature sign(String method, URI uri, String host, byte[] body, Instant now) {
    String date = HttpDates.format(now);
    String contentHash = contentHash(body);
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String stringToSign =
        method.toUpperCase(Locale.ROOT)
            + "\n"
            + pathAndQuery
            + "\n"
            + date
            + ";"
            + host
            + ";"
            + contentHash;
    String signature = Base64.getEncoder().encodeToString(hmac(stringToSign));
    return new Signature(
        date,
        contentHash,
        stringToSign,
        "HMAC-SHA256 SignedHeaders=" + SIGNED_HEADERS + "&Signature=" + signature);
  }

  /**
   * @param body the body bytes
   * @return Base64(SHA-256(body))
   */
  public static String contentHash(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private byte[] hmac(String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
