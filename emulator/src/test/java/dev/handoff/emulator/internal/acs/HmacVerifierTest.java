package dev.handoff.emulator.internal.acs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.support.AcsSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacVerifierTest {

  // A known-answer vector: these inputs and the signature the ACS SDK 1.0.4 computed for them.
  private static final String ZERO_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String HOST = "contoso.communication.azure.com";
  private static final String PATH =
      "/calling/callConnections/18dea47f-b081-4107-9a5c-4300819d2c6c:transferToParticipant";
  private static final String QUERY = "api-version=2023-03-06";
  private static final String BODY =
      "{\"targetParticipant\":{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}},"
          + "\"operationContext\":\"ctx-1\"}";
  private static final String DATE = "Mon, 23 Nov 2026 10:19:25 GMT";
  private static final String HASH = "bZ99Y2REEHaRC+xibVj8PWvAZaAtbnXcsKgtNECzp1A=";
  private static final String SIGNATURE = "4H5jUEa8F7Q3ZJop6oO6YbkRGSVzFF1tc3aW8WY3GTE=";

  private final HmacVerifier verifier =
      new HmacVerifier(
          ZERO_KEY,
          Clock.fixed(Instant.parse("2026-11-23T10:20:00Z"), ZoneOffset.UTC),
          Duration.ofMinutes(15));

  private static Request request(String path, String body, Map<String, String> headers) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return new Request(
        "https", "POST", path, QUERY, multi, body.getBytes(StandardCharsets.UTF_8), "https://x");
  }

  private static Map<String, String> sdkHeaders(String host) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", host);
    headers.put("x-ms-date", DATE);
    headers.put("x-ms-content-sha256", HASH);
    headers.put(
        "Authorization",
        "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + SIGNATURE);
    return headers;
  }

  @Test
  void theTestSignerReproducesTheKnownAnswer() {
    assertThat(AcsSigner.contentHash(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(HASH);
    Map<String, String> signed =
        AcsSigner.headers(
            ZERO_KEY,
            "POST",
            URI.create("https://" + HOST + PATH + "?" + QUERY),
            BODY.getBytes(StandardCharsets.UTF_8),
            HOST,
            DATE);
    assertThat(signed.get("Authorization")).endsWith("Signature=" + SIGNATURE);
  }

  @Test
  void acceptsTheKnownAnswerSignedByTheSdk() {
    Map<String, String> headers = sdkHeaders(HOST);
    assertThat(verifier.verify(request(PATH, BODY, headers), headers.get("Authorization")))
        .isEmpty();
  }

  @Test
  void acceptsAHostHeaderWithAPortWhenTheSignatureOmitsIt() {
    Map<String, String> headers = sdkHeaders(HOST + ":8443");
    assertThat(verifier.verify(request(PATH, BODY, headers), headers.get("Authorization")))
        .isEmpty();
  }

  @Test
  void acceptsASignatureOverHostAndPort() {
    URI uri = URI.create("https://127.0.0.1:8443" + PATH + "?" + QUERY);
    Map<String, String> headers =
        new LinkedHashMap<>(
            AcsSigner.headers(
                ZERO_KEY,
                "POST",
                uri,
                BODY.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1:8443",
                DATE));
    headers.put("Host", "127.0.0.1:8443");
    assertThat(verifier.verify(request(PATH, BODY, headers), headers.get("Authorization")))
        .isEmpty();
  }

  @Test
  void acceptsDateInsteadOfXmsDate() {
    String stringToSign = "POST\n" + PATH + "?" + QUERY + "\n" + DATE + ";" + HOST + ";" + HASH;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", HOST);
    headers.put("Date", DATE);
    headers.put("x-ms-content-sha256", HASH);
    headers.put(
        "Authorization",
        "HMAC-SHA256 SignedHeaders=date;host;x-ms-content-sha256&Signature="
            + AcsSigner.hmac(ZERO_KEY, stringToSign));
    assertThat(verifier.verify(request(PATH, BODY, headers), headers.get("Authorization")))
        .isEmpty();
  }

  @Test
  void rejectsAWrongKey() {
    HmacVerifier other =
        new HmacVerifier(
            "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            Clock.fixed(Instant.parse("2026-11-23T10:20:00Z"), ZoneOffset.UTC),
            Duration.ofMinutes(15));
    Map<String, String> headers = sdkHeaders(HOST);
    assertThat(other.verify(request(PATH, BODY, headers), headers.get("Authorization")))
        .contains("the signature does not match");
  }

  @Test
  void rejectsATamperedBody() {
    Map<String, String> headers = sdkHeaders(HOST);
    assertThat(
            verifier.verify(
                request(PATH, BODY.replace("ctx-1", "ctx-2"), headers),
                headers.get("Authorization")))
        .contains("x-ms-content-sha256 does not match the body");
  }

  @Test
  void rejectsAWrongPath() {
    Map<String, String> headers = sdkHeaders(HOST);
    assertThat(
            verifier.verify(
                request(PATH.replace("18dea47f", "28dea47f"), BODY, headers),
                headers.get("Authorization")))
        .contains("the signature does not match");
  }

  @Test
  void rejectsAStaleDate() {
    HmacVerifier later =
        new HmacVerifier(
            ZERO_KEY,
            Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), ZoneOffset.UTC),
            Duration.ofMinutes(15));
    Map<String, String> headers = sdkHeaders(HOST);
    assertThat(
            later.verify(request(PATH, BODY, headers), headers.get("Authorization")).orElseThrow())
        .contains("minutes off");
  }

  @Test
  void rejectsMalformedAuthorization() {
    Map<String, String> headers = sdkHeaders(HOST);
    assertThat(verifier.verify(request(PATH, BODY, headers), "HMAC-SHA256 Signature=abc"))
        .contains("the Authorization header lacks SignedHeaders or Signature");
    assertThat(verifier.verify(request(PATH, BODY, headers), "Basic abc"))
        .contains("the Authorization scheme is not HMAC-SHA256");
  }
}
