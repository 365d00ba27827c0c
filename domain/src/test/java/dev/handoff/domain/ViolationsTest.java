package dev.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViolationsTest {

  @Test
  void collectsEveryViolationAndThrowsThemTogether() {
    Violations v = Violations.of("Thing");
    v.identifier("a", " ");
    v.text("b", "x".repeat(11), 10);
    v.required("c", null);
    assertThatThrownBy(v::throwIfAny)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("Thing");
              assertThat(e.violations()).extracting(Violation::path).containsExactly("a", "b", "c");
              assertThat(e.getMessage())
                  .startsWith(
                      "Invalid Thing: a must not be blank; b must be at most 10 characters");
            });
  }

  @Test
  void identifiersRejectWhiteSpaceControlCharactersAndLength() {
    Violations v = Violations.of("Thing");
    assertThat(v.identifier("id", "has space")).isFalse();
    assertThat(v.identifier("id", "tab\t")).isFalse();
    assertThat(v.identifier("id", "x".repeat(Violations.MAX_ID_LENGTH + 1))).isFalse();
    assertThat(v.identifier("id", "ok-id_1")).isTrue();
    assertThat(v.found()).hasSize(3);
  }

  @Test
  void nestedConstructionPrefixesPathsInsteadOfThrowing() {
    Violations v = Violations.of("Outer");
    PhoneNumber number = v.nested("target", () -> PhoneNumber.of("12"));
    assertThat(number).isNull();
    assertThat(v.found())
        .singleElement()
        .satisfies(violation -> assertThat(violation.path()).isEqualTo("target.value"));
    Violation indexed = new Violation("[2]", "is bad", Optional.empty()).under("targets");
    assertThat(indexed.path()).isEqualTo("targets[2]");
  }

  @Test
  void callbackUrisMustBeAbsoluteWebUrisAndTheirSecretsAreMasked() {
    Violations v = Violations.of("Thing");
    assertThat(v.callbackUri("cb", URI.create("https://app.example/cb?secret=s3cr3t"))).isTrue();
    assertThat(v.callbackUri("cb", URI.create("ftp://user:pw@app.example/cb?secret=s3cr3t")))
        .isFalse();
    assertThat(v.callbackUri("cb", URI.create("/relative"))).isFalse();
    assertThat(v.found().get(0).shownValue()).contains("\"ftp://***@app.example/cb?***\"");
    assertThat(v.found().get(0).toString()).doesNotContain("s3cr3t").doesNotContain("pw");
  }

  @Test
  void wholeSecondsRefusesFractionsThatWouldBeLostOnTheWire() {
    Violations v = Violations.of("Thing");
    assertThat(v.wholeSeconds("t", Duration.ofMillis(1500), 0, 10)).isFalse();
    assertThat(v.wholeSeconds("t", Duration.ofSeconds(11), 0, 10)).isFalse();
    assertThat(v.wholeSeconds("t", Duration.ofSeconds(10), 0, 10)).isTrue();
    assertThat(v.found())
        .extracting(Violation::rule)
        .containsExactly("must be a whole number of seconds", "must be between 0 and 10 seconds");
  }

  @Test
  void longValuesAreShortenedInMessagesAndSaySo() {
    assertThat(Shown.value("y".repeat(100))).endsWith("… (100 characters)").hasSizeLessThan(90);
    assertThat(Shown.secret("hunter2")).isEqualTo("*** (7 characters)");
  }
}
