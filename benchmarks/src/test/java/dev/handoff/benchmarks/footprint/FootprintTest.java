package dev.handoff.benchmarks.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootprintTest {
  @Test
  void addsUpTheJarsOnlyLargestFirst(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("small.jar"), new byte[10]);
    Files.write(dir.resolve("large.jar"), new byte[300]);
    Files.write(dir.resolve("notes.txt"), new byte[5_000]);

    List<Footprint.Jar> jars = Footprint.jars(dir);

    assertThat(jars)
        .containsExactly(new Footprint.Jar("large.jar", 300), new Footprint.Jar("small.jar", 10));
    assertThat(Footprint.total(jars)).isEqualTo(310);
  }

  @Test
  void aDirectoryWithoutJarsIsAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> Footprint.jars(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no jar");
  }
}
