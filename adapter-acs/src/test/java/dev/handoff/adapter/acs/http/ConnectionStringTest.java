package dev.handoff.adapter.acs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConnectionStringTest {
  private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  @Test
  void readsThePortalForm() {
    ConnectionString parsed =
        ConnectionString.parse(
            "endpoint=https://contoso.communication.azure.com/;accesskey=" + KEY);

    assertThat(parsed.endpoint()).isEqualTo(URI.create("https://contoso.communication.azure.com"));
    assertThat(parsed.accessKey()).hasSize(32).containsOnly(0);
  }

  @Test
  void acceptsAnyCaseOfNamesAndATrailingSeparator() {
    ConnectionString parsed =
        ConnectionString.parse("AccessKey=" + KEY + ";Endpoint=https://x.communication.azure.com;");

    assertThat(parsed.endpoint().getHost()).isEqualTo("x.communication.azure.com");
  }

  @Test
  void neverShowsTheKey() {
    assertThat(
            ConnectionString.parse("endpoint=https://x.communication.azure.com;accesskey=" + KEY)
                .toString())
        .doesNotContain(KEY)
        .contains("***");
  }

  @Test
  void refusesUnknownNamesMissingPartsAndBadKeys() {
    assertThatThrownBy(
            () -> ConnectionString.parse("endpoint=https://x;accesskey=" + KEY + ";foo=1"))
        .hasMessageContaining("illegal parameter name 'foo'");
    assertThatThrownBy(() -> ConnectionString.parse("accesskey=" + KEY))
        .hasMessageContaining("endpoint is required");
    assertThatThrownBy(() -> ConnectionString.parse("endpoint=https://x.communication.azure.com"))
        .hasMessageContaining("accesskey is required");
    assertThatThrownBy(
            () ->
                ConnectionString.parse("endpoint=https://x.communication.azure.com;accesskey=%%%"))
        .hasMessageContaining("accesskey must be base64");
    assertThatThrownBy(() -> ConnectionString.parse(" "))
        .hasMessageContaining("connection string: is required");
  }

  @Test
  void refusesPlainHttpExceptToLoopback() {
    assertThatThrownBy(
            () ->
                ConnectionString.parse(
                    "endpoint=http://contoso.communication.azure.com;accesskey=" + KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https")
        .hasMessageContaining("loopback");
    for (String host : new String[] {"127.0.0.1:8080", "localhost:8080", "[::1]:8080"}) {
      assertThat(
              ConnectionString.parse("endpoint=http://" + host + "/;accesskey=" + KEY).endpoint())
          .isEqualTo(URI.create("http://" + host));
    }
  }
}
