package dev.handoff.contract.pact;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Makes a replayed ACS request acceptable to the service it is verified against: a pact holds an
 * example signature, date and repeatability ids, which no service accepts twice. Before each
 * request is sent, this sets a fresh {@code Repeatability-Request-ID} and {@code
 * Repeatability-First-Sent} (so that each interaction executes, instead of replaying the stored
 * answer of another), a fresh {@code x-ms-client-request-id}, and signs it with the resource's
 * access key as ACS requires (HMAC-SHA256 over {@code METHOD\npath?query\ndate;host;content-hash}).
 *
 * <p>Provider verification calls it from its test template, where Pact hands over the request:
 *
 * <pre>{@code
 * @TestTemplate
 * @ExtendWith(PactVerificationInvocationContextProvider.class)
 * void verify(PactVerificationContext context, ClassicHttpRequest request) {
 *   signing.sign(request);
 *   context.verifyInteraction();
 * }
 * }</pre>
 */
public final class AcsRequestSigning {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final byte[] key;
  private final String host;
  private final Clock clock;

  private AcsRequestSigning(byte[] key, String host, Clock clock) {
    this.key = key;
    this.host = host;
    this.clock = clock;
  }

  /**
   * @param accessKey the resource's access key, Base64 as the portal shows it
   * @param endpoint the endpoint requests go to; its host (and port, when it names one) is signed
   * @return a signer
   * @throws IllegalArgumentException when the key is not Base64
   */
  public static AcsRequestSigning with(String accessKey, URI endpoint) {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(endpoint, "endpoint");
    byte[] key;
    try {
      key = Base64.getDecoder().decode(accessKey.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("accessKey: must be Base64", e);
    }
    String host =
        endpoint.getPort() == -1
            ? endpoint.getHost()
            : endpoint.getHost() + ":" + endpoint.getPort();
    return new AcsRequestSigning(key, host, Clock.systemUTC());
  }

  /**
   * Refreshes the ids and signs the request in place.
   *
   * @param request the request Pact is about to send
   */
  public void sign(ClassicHttpRequest request) {
    restoreActionColon(request);
    String date = HTTP_DATE.format(clock.instant());
    // Only the requests the spec makes repeatable carry the headers; the others are sent without.
    if (request.containsHeader("Repeatability-Request-ID")) {
      request.setHeader("Repeatability-Request-ID", UUID.randomUUID().toString());
      request.setHeader("Repeatability-First-Sent", date);
    }
    request.setHeader("x-ms-client-request-id", UUID.randomUUID().toString());
    byte[] body = body(request);
    String hash = Base64.getEncoder().encodeToString(sha256(body));
    String stringToSign =
        request.getMethod().toUpperCase(Locale.ROOT)
            + "\n"
            + pathAndQuery(request)
            + "\n"
            + date
            + ";"
            + host
            + ";"
            + hash;
    request.setHeader("x-ms-date", date);
    request.setHeader("x-ms-content-sha256", hash);
    request.setHeader(
        "Authorization",
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
            + Base64.getEncoder().encodeToString(hmac(stringToSign)));
  }

  // Pact's HTTP client percent-encodes the ':' of ACS action paths (callConnections/{id}:redirect);
  // the service, its SDKs and the adapter write it literally, and the signature covers the path.
  private static void restoreActionColon(ClassicHttpRequest request) {
    try {
      URI uri = request.getUri();
      String path = uri.getRawPath().replace("%3A", ":").replace("%3a", ":");
      request.setUri(
          new URI(
              uri.getScheme()
                  + "://"
                  + uri.getRawAuthority()
                  + path
                  + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the request URI is not valid: " + e.getMessage(), e);
    }
  }

  private static String pathAndQuery(ClassicHttpRequest request) {
    try {
      URI uri = request.getUri();
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the request URI is not valid: " + e.getMessage(), e);
    }
  }

  private static byte[] body(ClassicHttpRequest request) {
    HttpEntity entity = request.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    if (!entity.isRepeatable()) {
      throw new IllegalStateException(
          "the request body can be read only once, so it cannot be signed");
    }
    try {
      return EntityUtils.toByteArray(entity);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the request body", e);
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
