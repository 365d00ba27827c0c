package dev.handoff.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.app.api.json.Requests;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Careless bodies are refused with JSON paths and rules in the client's terms. */
class JsonBodiesTest {
  private final JsonBodies bodies = new JsonBodies(new ObjectMapper());

  private List<Violation> transfer(String body) {
    return violations(
        () -> bodies.read(body, Requests.TransferRequest.class, r -> r.toCommand("call-1")));
  }

  private List<Violation> redirect(String body) {
    return violations(
        () -> bodies.read(body, Requests.RedirectRequest.class, r -> r.toCommand("call-1")));
  }

  private static List<Violation> violations(Runnable reading) {
    ValidationException refused = catchThrowableOfType(ValidationException.class, reading::run);
    assertThat(refused).as("refused").isNotNull();
    for (Violation violation : refused.violations()) {
      assertThat(violation.rule())
          .doesNotContain("java.")
          .doesNotContain("com.fasterxml")
          .doesNotContain("`")
          .doesNotContain("dev.handoff");
    }
    assertThat(refused.violations()).doesNotHaveDuplicates();
    return refused.violations();
  }

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::path).collect(Collectors.toList());
  }

  @Test
  void aJsonNullOrEmptyBodyIsRefusedNotCrashedOn() {
    assertThat(transfer("null"))
        .extracting(Violation::rule)
        .containsExactly("a JSON object is required");
    assertThat(transfer("  "))
        .extracting(Violation::rule)
        .containsExactly("a JSON object is required");
    assertThat(transfer("[1]")).extracting(Violation::rule).containsExactly("must be an object");
  }

  @Test
  void unknownFieldsAreListedOnceWithTheirPaths() {
    List<Violation> found =
        transfer(
            "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\",\"a\":1},"
                + "\"b\":2,\"c\":{\"d\":[1,{\"e\":1}]}}");
    assertThat(fields(found)).containsExactly("target.a", "b", "c");
  }

  @Test
  void anUnknownFieldNamesItsOwnPathInTheRedirect() {
    assertThat(
            fields(
                redirect(
                    "{\"incomingCallContext\":\"c\",\"target\":{\"kind\":\"phoneNumber\","
                        + "\"value\":\"1\"}}")))
        .containsExactly("target", "targets");
    assertThat(
            fields(
                redirect(
                    "{\"incomingCallContext\":\"c\",\"targets\":[{\"kind\":\"phoneNumber\","
                        + "\"value\":\"+14255550123\",\"colour\":\"red\"}]}")))
        .containsExactly("targets[0].colour");
  }

  @Test
  void wrongTypesAreWordedInJsonTerms() {
    assertThat(transfer("{\"target\":{\"kind\":\"pigeon\"}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("target.kind");
              assertThat(v.rule())
                  .isEqualTo(
                      "must be one of acsUser, phoneNumber, teamsUser, teamsApp,"
                          + " teamsExtensionUser, raw");
            });
    assertThat(transfer("{\"target\":{\"value\":\"+1\"}}"))
        .singleElement()
        .extracting(Violation::path)
        .isEqualTo("target.kind");
    assertThat(
            transfer(
                "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                    + "\"context\":{\"sipHeaders\":5}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("context.sipHeaders");
              assertThat(v.rule()).isEqualTo("must be an object whose values are strings");
            });
    assertThat(
            violations(
                () ->
                    bodies.read(
                        "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"},"
                            + "\"invitationTimeoutSeconds\":\"ten\"}",
                        Requests.AddParticipantRequest.class,
                        r -> r.toCommand("call-1"))))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("invitationTimeoutSeconds");
              assertThat(v.rule()).isEqualTo("must be a whole number");
            });
  }

  @Test
  void duplicateKeysTrailingContentAndDeepNestingAreRefusedReadably() {
    assertThat(
            transfer(
                "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\","
                    + "\"value\":\"+1\"}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("target.value");
              assertThat(v.rule()).isEqualTo("appears more than once");
            });
    assertThat(transfer("{\"target\":{\"kind\":\"raw\",\"rawId\":\"4:+14255550123\"}} {}"))
        .singleElement()
        .extracting(Violation::rule)
        .isEqualTo("must hold one JSON value only; more follows it");
    assertThat(transfer("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))).isNotEmpty();
    assertThat(transfer("{\"target\": {\"kind\": \"phoneNumber\", \"value\": 5"))
        .singleElement()
        .extracting(Violation::rule)
        .asString()
        .startsWith("is not valid JSON");
  }
}
