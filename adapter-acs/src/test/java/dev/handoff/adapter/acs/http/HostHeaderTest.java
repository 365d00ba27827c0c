package dev.handoff.adapter.acs.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.FakeAcsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HostHeaderTest {

  @Test
  void omitsDefaultAndAbsentPorts() {
    assertThat(HostHeader.of(URI.create("https://contoso.communication.azure.com/x")))
        .isEqualTo("contoso.communication.azure.com");
    assertThat(HostHeader.of(URI.create("https://contoso.communication.azure.com:443/x")))
        .isEqualTo("contoso.communication.azure.com");
    assertThat(HostHeader.of(URI.create("http://localhost:80/x"))).isEqualTo("localhost");
  }

  @Test
  void keepsANonDefaultPort() {
    assertThat(HostHeader.of(URI.create("https://contoso.communication.azure.com:8443/x")))
        .isEqualTo("contoso.communication.azure.com:8443");
    assertThat(HostHeader.of(URI.create("http://[::1]:9000/x"))).isEqualTo("[::1]:9000");
  }

  /** The value the signature covers must be the header java.net.http actually sends. */
  @Test
  void matchesWhatJavaNetHttpSends() throws Exception {
    try (FakeAcsServer server = FakeAcsServer.start()) {
      URI uri = URI.create(server.endpoint() + "/probe");
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).GET().build(),
              HttpResponse.BodyHandlers.discarding());

      assertThat(server.requests()).hasSize(1);
      assertThat(server.requests().get(0).header("Host")).isEqualTo(HostHeader.of(uri));
    }
  }
}
