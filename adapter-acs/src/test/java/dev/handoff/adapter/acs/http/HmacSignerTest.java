package dev.handoff.adapter.acs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HmacSignerTest {

  /** A known-answer vector: these inputs and the signature the Azure SDK 1.0.4 computed. */
  @Test
  void reproducesTheAzureSdkKnownAnswerVector() {
    HmacSigner signer =
        new HmacSigner(Base64.getDecoder().decode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    URI uri =
        URI.create(
            "https://contoso.communication.azure.com/calling/callConnections/"
                + "18dea47f-b081-4107-9a5c-4300819d2c6c:transferToParticipant?api-version=2023-03-06");
    byte[] body =
        ("{\"targetParticipant\":{\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":"
                + "\"+14255550123\"}},\"operationContext\":\"ctx-1\"}")
            .getBytes(StandardCharsets.UTF_8);
    Instant date = Instant.parse("2026-11-23T10:19:25Z");

    HmacSigner.Signature signature = signer.sign("POST", uri, HostHeader.of(uri), body, date);

    assertThat(signature.date()).isEqualTo("Mon, 23 Nov 2026 10:19:25 GMT");
    assertThat(signature.contentHash()).isEqualTo("bZ99Y2REEHaRC+xibVj8PWvAZaAtbnXcsKgtNECzp1A=");
    assertThat(signature.stringToSign())
        .isEqualTo(
            "POST\n/calling/callConnections/18dea47f-b081-4107-9a5c-4300819d2c6c"
                + ":transferToParticipant?api-version=2023-03-06\n"
                + "Mon, 23 Nov 2026 10:19:25 GMT;contoso.communication.azure.com;"
                + "bZ99Y2REEHaRC+xibVj8PWvAZaAtbnXcsKgtNECzp1A=");
    assertThat(signature.authorization())
        .isEqualTo(
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256"
                + "&Signature=4H5jUEa8F7Q3ZJop6oO6YbkRGSVzFF1tc3aW8WY3GTE=");
  }

  @Test
  void hashesAnEmptyBodyAsTheSdkDoes() {
    assertThat(HmacSigner.contentHash(new byte[0]))
        .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void signsTheHostWithANonDefaultPort() {
    HmacSigner signer = new HmacSigner(new byte[32]);
    URI uri = URI.create("http://127.0.0.1:8443/calling/callConnections:redirect?api-version=x");

    HmacSigner.Signature signature =
        signer.sign("post", uri, HostHeader.of(uri), new byte[0], Instant.EPOCH);

    assertThat(signature.stringToSign())
        .isEqualTo(
            "POST\n/calling/callConnections:redirect?api-version=x\n"
                + "Thu, 01 Jan 1970 00:00:00 GMT;127.0.0.1:8443;"
                + "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void refusesAnEmptyKey() {
    assertThatThrownBy(() -> new HmacSigner(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("access key");
  }
}
