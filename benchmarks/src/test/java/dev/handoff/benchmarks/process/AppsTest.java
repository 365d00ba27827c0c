package dev.handoff.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppsTest {
  private static final Apps.AcsResource RESOURCE =
      new Apps.AcsResource(
          "endpoint=http://127.0.0.1:8089/;accesskey=a2V5",
          "3f6b8a2e-5c1d-4e7f-9a0b-1c2d3e4f5a6b",
          "http://127.0.0.1:8089/calling/.well-known/acsopenidconfiguration");

  @Test
  void theServiceAloneIsConfiguredAsARealAcsDeploymentWithNoEmulator() {
    Map<String, String> properties =
        Apps.acsServiceProperties(4711, "bench-key", RESOURCE, Map.of());

    assertThat(properties)
        .containsEntry("handoff.provider", "acs")
        .containsEntry("handoff.acs.connection-string", RESOURCE.connectionString())
        .containsEntry("handoff.acs.resource-id", RESOURCE.resourceId())
        .containsEntry("handoff.acs.openid-configuration-url", RESOURCE.openIdConfiguration())
        .containsEntry("handoff.callback-base-url", "http://127.0.0.1:4711/")
        .containsEntry("quarkus.http.port", "4711")
        .containsEntry("handoff.api.keys", "bench-key");
    assertThat(properties.keySet()).noneMatch(key -> key.startsWith("handoff.emulator."));
  }

  @Test
  void extraPropertiesWin() {
    Map<String, String> properties =
        Apps.acsServiceProperties(
            4711, "bench-key", RESOURCE, Map.of("handoff.store.kind", "postgres"));

    assertThat(properties).containsEntry("handoff.store.kind", "postgres");
  }

  @Test
  void theEmulatorsStandaloneJarIsFoundByEitherName(@TempDir Path repo) throws IOException {
    Files.createFile(repo.resolve("mvnw"));
    Files.createDirectories(repo.resolve("app-quarkus"));
    Path target = Files.createDirectories(repo.resolve("emulator/target"));
    Apps apps = new Apps(repo);

    assertThatThrownBy(apps::emulatorJar)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("package it first");

    Path classified = Files.createFile(target.resolve("handoff-emulator-1.0-standalone.jar"));
    assertThat(apps.emulatorJar()).isEqualTo(classified);

    Path named = Files.createFile(target.resolve("handoff-emulator.jar"));
    assertThat(apps.emulatorJar()).isEqualTo(named);
  }
}
