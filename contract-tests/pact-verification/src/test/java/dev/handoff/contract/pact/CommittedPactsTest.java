package dev.handoff.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.annotations.Pact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed-pact check fails on a changed contract, ignores volatile metadata, regenerates. */
class CommittedPactsTest {
  private static final String PACT =
      "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},"
          + "\"interactions\":[%s],"
          + "\"metadata\":{\"pact-jvm\":{\"version\":\"%s\"},\"pactSpecification\":{\"version\":\"4.0\"}}}";
  private static final String FIRST =
      "{\"description\":\"a\",\"request\":{\"method\":\"POST\",\"path\":\"/x\"}}";
  private static final String SECOND =
      "{\"description\":\"b\",\"request\":{\"method\":\"GET\",\"path\":\"/y\"}}";

  @TempDir Path dir;

  private Path write(String name, String interactions, String pactJvm) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.format(PACT, interactions, pactJvm), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void acceptsTheSameContractWrittenByAnotherPactJvmInAnotherOrder() throws IOException {
    Path committed = write("committed/c-p.json", FIRST + "," + SECOND, "4.7.5");
    Path generated = write("generated/c-p.json", SECOND + "," + FIRST, "4.8.0");

    CommittedPacts.compare(generated, committed, false);

    assertThat(PactJson.canonical(Files.readString(committed)))
        .isEqualTo(PactJson.canonical(Files.readString(generated)))
        .doesNotContain("pact-jvm");
  }

  @Test
  void failsWhenAChangeAltersTheContractAndSaysHowToRegenerate() throws IOException {
    Path committed = write("committed/c-p.json", FIRST, "4.7.5");
    Path generated = write("generated/c-p.json", FIRST.replace("/x", "/z"), "4.7.5");

    assertThatThrownBy(() -> CommittedPacts.compare(generated, committed, false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the contract c-p.json changed")
        .hasMessageContaining("\"/x\"")
        .hasMessageContaining("\"/z\"")
        .hasMessageContaining("-Dhandoff.pacts.regenerate=true")
        .hasMessageNotContaining("./mvnw")
        .hasMessageNotContaining("contract-tests");
  }

  @Test
  void failsWhenNoCommittedCopyExists() throws IOException {
    Path generated = write("generated/c-p.json", FIRST, "4.7.5");

    assertThatThrownBy(
            () -> CommittedPacts.compare(generated, dir.resolve("committed/c-p.json"), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("there is no committed pact");
  }

  @Test
  void regeneratesTheCommittedCopyInCanonicalFormOnRequest() throws IOException {
    Path committed = write("committed/c-p.json", FIRST, "4.7.5");
    Path generated = write("generated/c-p.json", SECOND + "," + FIRST, "4.7.5");

    CommittedPacts.compare(generated, committed, true);

    String written = Files.readString(committed);
    assertThat(written).isEqualTo(PactJson.canonical(Files.readString(generated)));
    assertThat(written.indexOf("\"a\"")).isLessThan(written.indexOf("\"b\""));
    assertThat(written).endsWith("\n");
  }

  @Test
  void failsWhenPactJvmWroteNothing() {
    assertThatThrownBy(
            () ->
                CommittedPacts.compare(
                    dir.resolve("generated/none.json"), dir.resolve("committed/none.json"), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("wrote no pact");
  }

  @PactTestFor(providerName = "the-provider")
  static class ConsumerTest {
    @Pact(consumer = "the-consumer")
    void first() {}

    @Pact(consumer = "other-consumer", provider = "other-provider")
    void second() {}
  }

  @Test
  void namesThePactFilesOfEveryPactMethod() {
    assertThat(CommittedPacts.pactFiles(ConsumerTest.class))
        .containsExactlyInAnyOrder(
            "the-consumer-the-provider.json", "other-consumer-other-provider.json");
  }
}
