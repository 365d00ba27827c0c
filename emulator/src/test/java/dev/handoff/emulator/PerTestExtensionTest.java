package dev.handoff.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance field the extension gives each test its own emulator. */
class PerTestExtensionTest {

  @RegisterExtension
  final HandoffEmulatorExtension extension = new HandoffEmulatorExtension(b -> b.seed(5));

  @Test
  void startsAnEmulatorForTheTest(HandoffEmulator emulator) {
    assertThat(extension.emulator()).isSameAs(emulator);
    assertThat(emulator.settings().seed()).isEqualTo(5);
    assertThat(
            emulator
                .control()
                .createAcsCall(AcsCallSpec.oneToOne("https://127.0.0.1:9/cb", "4:+1"))
                .callConnectionId())
        .isNotBlank();
  }
}
