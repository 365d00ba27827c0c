package dev.handoff.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.emulator.EmulatorSettings;
import dev.handoff.emulator.HandoffEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {

  @Test
  void parsesEveryFlag() {
    EmulatorMain.Parsed parsed =
        EmulatorMain.parse(
            new String[] {
              "--port",
              "0",
              "--https-port",
              "0",
              "--bind",
              "127.0.0.1",
              "--seed",
              "9",
              "--acs-resource-id",
              "res",
              "--acs-access-key",
              "AAAA",
              "--graph-tenant",
              "tenant",
              "--graph-client-id",
              "client",
              "--graph-client-secret",
              "secret",
              "--graph-bot-app-id",
              "bot",
              "--graph-roles",
              "Calls.Initiate.All",
              "--event-grid-webhook",
              "http://127.0.0.1:1/eg",
              "--graph-bot-webhook",
              "http://127.0.0.1:1/bot",
              "--time-scale",
              "0.5",
              "--ring-time",
              "250ms",
              "--invitation-timeout",
              "PT30S",
              "--graph-incoming-timeout",
              "1m",
              "--callback-timeout",
              "3s",
              "--callback-attempts",
              "2",
              "--callback-backoff",
              "100ms",
              "--callback-max-backoff",
              "1s",
              "--callback-verify-tls",
              "--max-hold",
              "5s",
              "--hmac-clock-skew",
              "1h",
              "--graph-subcode-camel-case",
              "--participant-page-size",
              "7",
              "--tls-hostname",
              "emu.test",
              "--advertised-host",
              "localhost",
              "--write-trust",
              "trust"
            });
    EmulatorSettings settings = parsed.builder().build().settings();
    assertThat(settings.seed()).isEqualTo(9);
    assertThat(settings.acsResourceId()).isEqualTo("res");
    assertThat(settings.graphTenantId()).isEqualTo("tenant");
    assertThat(settings.graphClientId()).isEqualTo("client");
    assertThat(settings.graphBotAppId()).isEqualTo("bot");
    assertThat(settings.graphRoles()).containsExactly("Calls.Initiate.All");
    assertThat(settings.timeScale()).isEqualTo(0.5);
    assertThat(settings.ringTime()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.defaultInvitationTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.graphIncomingCallTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.callbackMaxAttempts()).isEqualTo(2);
    assertThat(settings.callbackTrustAll()).isFalse();
    assertThat(settings.graphSubCodeCamelCase()).isTrue();
    assertThat(settings.participantPageSize()).isEqualTo(7);
    assertThat(settings.hmacClockSkew()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.tlsHostnames()).containsExactly("emu.test");
    assertThat(settings.advertisedHost()).isEqualTo("localhost");
    assertThat(parsed.trustDirectory()).isEqualTo(Path.of("trust"));
  }

  @Test
  void defaultsToThePortsOfTheReadme() {
    EmulatorSettings settings = EmulatorMain.parse(new String[0]).builder().build().settings();
    assertThat(settings.httpPort()).isEqualTo(8089);
    assertThat(settings.httpsPort()).isEqualTo(8443);
    assertThat(settings.participantPageSize()).isEqualTo(100);
  }

  @Test
  void refusesUnknownFlagsAndBadValuesNamingThem() {
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--nope", "1"}))
        .hasMessage("unknown flag --nope");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"}))
        .hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "x"}))
        .hasMessageContaining("--port needs an integer");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--ring-time", "soon"}))
        .hasMessageContaining("--ring-time needs a duration");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--participant-page-size", "0"}))
        .hasMessage("--participant-page-size needs an integer of at least 1 but got '0'");
    assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--participant-page-size", "many"}))
        .hasMessage("--participant-page-size needs an integer of at least 1 but got 'many'");
  }

  @Test
  void documentsEveryFlagItParses() throws Exception {
    String source =
        Files.readString(Path.of("src/main/java/dev/handoff/emulator/cli/EmulatorMain.java"));
    Matcher cases = Pattern.compile("case \"(--[a-z-]+)\"").matcher(source);
    List<String> flags = cases.results().map(m -> m.group(1)).toList();
    assertThat(flags).hasSizeGreaterThan(25);
    String readme = Files.readString(Path.of("README.md"));
    for (String flag : flags) {
      assertThat(EmulatorMain.USAGE).as("usage documents " + flag).contains(flag + " ");
      assertThat(readme).as("README documents " + flag).contains(flag);
    }
  }

  @Test
  void printsTheConnectionStringTokenEndpointAndOpenIdUrls(@TempDir Path trust) {
    try (HandoffEmulator emulator = HandoffEmulator.builder().build().start()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      emulator.trust().writeTo(trust);
      EmulatorMain.print(emulator, trust, new PrintStream(out, true, StandardCharsets.UTF_8));
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .contains(emulator.acs().connectionString())
          .contains(emulator.graph().httpTokenEndpoint().toString())
          .contains(emulator.acs().httpOpenIdConfiguration().toString())
          .contains(emulator.graph().httpOpenIdConfiguration().toString())
          .contains(trust.toAbsolutePath().toString());
    }
  }
}
