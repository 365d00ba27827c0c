package dev.handoff.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, started as an operator would start it with a missing or broken setting,
 * refuses at once: a short message on the console naming every setting to fix, no stack trace, a
 * non-zero exit code.
 */
class StartupRefusalIT {

  /** What a refused start printed and how it exited. */
  private record Refusal(int exitCode, String output) {}

  private static Refusal start(Map<String, String> environment, String... properties)
      throws IOException, InterruptedException {
    String jar = System.getProperty("handoff.service.jar");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + ServiceInstance.freePort());
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.add("-jar");
    command.add(jar);
    Path output = Files.createTempFile("handoff-refusal", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("HANDOFF_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the service did not refuse to start; it is running: " + output);
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    return new Refusal(process.exitValue(), printed);
  }

  @Test
  void aProductionStartWithOnlyAnApiKeyRefusesWithOneLineNamingTheProviderSettings()
      throws Exception {
    Refusal refusal = start(Map.of("HANDOFF_API_KEYS", "a-long-enough-api-key"));
    assertThat(refusal.exitCode()).isEqualTo(1);
    assertThat(refusal.output().strip())
        .isEqualTo(
            "Handoff cannot start: no provider is configured: set handoff.provider"
                + " (HANDOFF_PROVIDER) to acs or graph, with that provider's settings, or to"
                + " emulator for simulated calls that transfer nothing");
  }

  @Test
  void everyBrokenSettingIsListedAtOnceWithoutAStackTrace() throws Exception {
    Refusal refusal =
        start(
            Map.of(
                "HANDOFF_PROVIDER", "acs",
                "HANDOFF_ACS_CONNECTION_STRING",
                    "endpoint=https://contoso.communication.azure.com/;accesskey=c2VjcmV0",
                "HANDOFF_ACS_CALLBACK_AUTH", "query-secret",
                "HANDOFF_ACS_CALLBACK_SECRET", "too-short",
                "HANDOFF_ACS_EVENT_GRID_SECRET", "short",
                "HANDOFF_CALLBACK_BASE_URL", "http://handoff.example.com/"));
    assertThat(refusal.exitCode()).isEqualTo(1);
    assertThat(refusal.output())
        .startsWith("Handoff cannot start; fix these 4 settings:")
        .contains("handoff.api.auth=api-key but no key is configured")
        .contains("handoff.acs.callback-secret (HANDOFF_ACS_CALLBACK_SECRET) must be at least 16")
        .contains("handoff.acs.event-grid-secret (HANDOFF_ACS_EVENT_GRID_SECRET) must be at least")
        .contains("handoff.callback-base-url (HANDOFF_CALLBACK_BASE_URL) must use https")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(refusal.output().strip().lines()).hasSize(5);
  }

  @Test
  void valuesThatCannotBeReadAreNamedWithWhatTheyMustBe() throws Exception {
    Refusal refusal =
        start(
            Map.of(),
            "handoff.provider=pigeon",
            "handoff.api.keys=a-long-enough-api-key",
            "handoff.retry.max-attempts=several");
    assertThat(refusal.exitCode()).isEqualTo(1);
    assertThat(refusal.output())
        .startsWith("Handoff cannot start; fix these 2 settings:")
        .contains(
            "handoff.provider (HANDOFF_PROVIDER) must be one of emulator, acs, graph, not"
                + " 'pigeon'")
        .contains("handoff.retry.max-attempts (HANDOFF_RETRY_MAX_ATTEMPTS) must be a whole number")
        .doesNotContain("\tat ")
        .doesNotContain("SRCFG");
  }
}
