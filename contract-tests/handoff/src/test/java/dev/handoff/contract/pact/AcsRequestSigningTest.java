package dev.handoff.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.http.HmacSigner;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.junit.jupiter.api.Test;

/**
 * The re-signing of replayed ACS requests agrees with the ACS adapter's own signer, restores the
 * literal ':' of action paths, and refreshes the repeatability ids.
 */
class AcsRequestSigningTest {
  private static final String KEY =
      Base64.getEncoder().encodeToString("an access key of thirty-two byte".getBytes());
  private static final URI ENDPOINT = URI.create("http://127.0.0.1:8089");

  private static ClassicHttpRequest replayed() {
    BasicClassicHttpRequest request =
        new BasicClassicHttpRequest(
            "POST",
            URI.create(
                "http://127.0.0.1:8089/calling/callConnections/c-1%3AtransferToParticipant"
                    + "?api-version=2026-03-12"));
    request.setEntity(new StringEntity("{\"a\":1}", ContentType.APPLICATION_JSON));
    request.setHeader("Repeatability-Request-ID", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
    request.setHeader("Authorization", "HMAC-SHA256 SignedHeaders=x&Signature=example");
    return request;
  }

  @Test
  void signsAsTheAdapterDoes() throws Exception {
    ClassicHttpRequest request = replayed();

    AcsRequestSigning.with(KEY, ENDPOINT).sign(request);

    String date = request.getFirstHeader("x-ms-date").getValue();
    URI signed =
        URI.create(
            "http://127.0.0.1:8089/calling/callConnections/c-1:transferToParticipant"
                + "?api-version=2026-03-12");
    HmacSigner.Signature expected =
        new HmacSigner(Base64.getDecoder().decode(KEY))
            .sign(
                "POST",
                signed,
                "127.0.0.1:8089",
                "{\"a\":1}".getBytes(),
                ZonedDateTime.parse(
                        date, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toInstant());
    assertThat(request.getUri().getRawPath())
        .isEqualTo("/calling/callConnections/c-1:transferToParticipant");
    assertThat(request.getFirstHeader("Authorization").getValue())
        .isEqualTo(expected.authorization());
    assertThat(request.getFirstHeader("x-ms-content-sha256").getValue())
        .isEqualTo(expected.contentHash());
  }

  @Test
  void givesEveryReplayFreshRepeatabilityIds() {
    ClassicHttpRequest first = replayed();
    ClassicHttpRequest second = replayed();
    AcsRequestSigning signing = AcsRequestSigning.with(KEY, ENDPOINT);

    signing.sign(first);
    signing.sign(second);

    String firstId = first.getFirstHeader("Repeatability-Request-ID").getValue();
    assertThat(firstId)
        .isNotEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7")
        .isNotEqualTo(second.getFirstHeader("Repeatability-Request-ID").getValue());
    assertThat(first.getFirstHeader("Repeatability-First-Sent").getValue())
        .isEqualTo(first.getFirstHeader("x-ms-date").getValue());
  }
}
