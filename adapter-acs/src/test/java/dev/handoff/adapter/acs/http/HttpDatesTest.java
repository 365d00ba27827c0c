package dev.handoff.adapter.acs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

  @Test
  void writesImfFixdateWithATwoDigitDay() {
    assertThat(HttpDates.format(Instant.parse("1994-11-06T08:49:37Z")))
        .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
  }

  @Test
  void readsHttpDates() {
    assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"))
        .contains(Instant.parse("1994-11-06T08:49:37Z"));
    assertThat(HttpDates.parse("tomorrow")).isEmpty();
  }
}
