package dev.handoff.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResidentSetTest {
  @Test
  void readsVmRssInBytes() {
    String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  204800 kB\nThreads:\t42\n";

    assertThat(ResidentSet.parseStatus(status)).hasValue(204_800L * 1024);
  }

  @Test
  void noVmRssLineIsEmpty() {
    assertThat(ResidentSet.parseStatus("Name:\tzombie\n")).isEmpty();
  }

  @Test
  void anUnexpectedUnitIsAnError() {
    assertThatThrownBy(() -> ResidentSet.parseStatus("VmRSS:\t 12 MB\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VmRSS");
  }

  @Test
  void readsThisProcessOnLinux() {
    if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self"))) {
      assertThat(ResidentSet.ofProcess(ProcessHandle.current().pid())).isPresent();
    } else {
      assertThat(ResidentSet.ofProcess(ProcessHandle.current().pid())).isEmpty();
    }
  }
}
