package dev.handoff.adapter.acs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackoffAndRetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

  @Test
  void backoffDoublesUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(800), Duration.ofSeconds(8), 0);

    assertThat(backoff.delayBefore(1, 0.3)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delayBefore(2, 0.3)).isEqualTo(Duration.ofMillis(1600));
    assertThat(backoff.delayBefore(3, 0.3)).isEqualTo(Duration.ofMillis(3200));
    assertThat(backoff.delayBefore(5, 0.3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delayBefore(200, 0.3)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void jitterSpreadsTheDelayBothWays() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.2);

    assertThat(backoff.delayBefore(1, 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delayBefore(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayBefore(1, 0.999999))
        .isBetween(Duration.ofMillis(1199), Duration.ofMillis(1200));
  }

  @Test
  void backoffRefusesNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, 1.5))
        .hasMessageContaining("jitter");
  }

  @Test
  void readsTheServiceDelayInAzureCoreOrder() {
    assertThat(
            RetryAfter.of(headers(Map.of("x-ms-retry-after-ms", "150", "Retry-After", "9")), NOW))
        .contains(Duration.ofMillis(150));
    assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "250", "Retry-After", "9")), NOW))
        .contains(Duration.ofMillis(250));
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "2")), NOW))
        .contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.of(headers(Map.of("retry-after", "0")), NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Fri, 20 Mar 2026 10:00:05 GMT")), NOW))
        .contains(Duration.ofSeconds(5));
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Fri, 20 Mar 2026 09:00:00 GMT")), NOW))
        .contains(Duration.ZERO);
  }

  @Test
  void ignoresUnreadableOrNegativeDelays() {
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "soon")), NOW)).isEmpty();
    assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "-5")), NOW)).isEmpty();
    assertThat(RetryAfter.of(headers(Map.of()), NOW)).isEmpty();
  }

  private static HttpHeaders headers(Map<String, String> values) {
    Map<String, List<String>> multi = new java.util.HashMap<>();
    values.forEach((k, v) -> multi.put(k, List.of(v)));
    return HttpHeaders.of(multi, (k, v) -> true);
  }
}
