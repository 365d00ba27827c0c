package dev.handoff.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(HandoffEmulatorExtension.class)
class LifecycleTest {

  @Test
  void theExtensionInjectsARunningEmulatorAndItsControl(
      HandoffEmulator emulator, EmulatorControl control) {
    assertThat(emulator.control()).isSameAs(control);
    assertThat(emulator.httpPort()).isPositive();
    assertThat(emulator.httpsPort()).isPositive().isNotEqualTo(emulator.httpPort());
    assertThat(emulator.acs().connectionString())
        .isEqualTo(
            "endpoint=https://127.0.0.1:"
                + emulator.httpsPort()
                + "/;accesskey="
                + emulator.acs().accessKey());
    assertThat(emulator.describe())
        .contains(emulator.acs().connectionString())
        .contains(emulator.graph().httpTokenEndpoint().toString());
  }

  @Test
  void theSameSeedGivesTheSameIdsAndEvents() {
    List<String> first = run(42);
    List<String> second = run(42);
    List<String> other = run(43);
    assertThat(first).isEqualTo(second);
    assertThat(other.get(0)).isNotEqualTo(first.get(0));
  }

  private static List<String> run(long seed) {
    try (HandoffEmulator emulator =
            HandoffEmulator.builder().seed(seed).timeScale(0.01).build().start();
        CallbackReceiver receiver = new CallbackReceiver()) {
      AcsCall acs =
          emulator
              .control()
              .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/a"), "4:+14255550100"));
      GraphCall graph =
          emulator
              .control()
              .createGraphCall(GraphCallSpec.peerToPeer(receiver.url("/g"), "user:x"));
      EmulatorHttp http = new EmulatorHttp(emulator, false);
      String invitation =
          EmulatorHttp.json(
                  http.acsPost(
                      "/calling/callConnections/"
                          + acs.callConnectionId()
                          + "/participants:add?api-version=2026-03-12",
                      "{\"participantToAdd\":{\"rawId\":\"8:acs:r_u\"}}"))
              .get("invitationId")
              .asText();
      List<String> events =
          emulator.journal().awaitCallbacks(c -> true, 2, Duration.ofSeconds(5)).stream()
              .map(c -> EmulatorHttp.json(c.body()).get(0).get("id").asText() + c.event())
              .toList();
      return List.of(
          acs.callConnectionId(),
          acs.serverCallId(),
          acs.correlationId(),
          graph.callId(),
          invitation,
          events.toString());
    }
  }

  @Test
  void writesTrustMaterialAndRefusesToStartTwice(@TempDir Path directory) throws Exception {
    try (HandoffEmulator emulator =
        HandoffEmulator.builder().tlsHostname("emulator.test").build().start()) {
      emulator.trust().writeTo(directory);
      assertThat(Files.readString(directory.resolve("handoff-emulator.pem")))
          .startsWith("-----BEGIN CERTIFICATE-----");
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(directory.resolve("handoff-emulator-truststore.p12"))) {
        store.load(in, TrustMaterial.PKCS12_PASSWORD.toCharArray());
      }
      assertThat(store.size()).isEqualTo(1);
      assertThat(emulator.trust().certificate().getSubjectAlternativeNames())
          .extracting(n -> (Object) n.get(1))
          .contains((Object) "emulator.test");
      assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void servesHttpsWithASuppliedKeyStore(@TempDir Path directory) throws Exception {
    Path keyStore = directory.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=supplied",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                "secret")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor()).as(new String(process.getInputStream().readAllBytes())).isZero();
    try (HandoffEmulator emulator =
        HandoffEmulator.builder().tlsKeyStore(keyStore, "secret").build().start()) {
      assertThat(emulator.trust().certificate().getSubjectX500Principal().getName())
          .isEqualTo("CN=supplied");
      EmulatorHttp https = new EmulatorHttp(emulator, true);
      assertThat(https.get(emulator.acs().jwks().toString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> HandoffEmulator.builder().httpPort(70000))
        .hasMessageContaining("httpPort must be 0..65535");
    assertThatThrownBy(() -> HandoffEmulator.builder().acsAccessKey("not base64!"))
        .hasMessageContaining("acsAccessKey must be base64");
    assertThatThrownBy(() -> HandoffEmulator.builder().timeScale(0))
        .hasMessageContaining("timeScale must be a positive number");
    assertThatThrownBy(() -> HandoffEmulator.builder().eventGridWebhook("ftp://x").build().start())
        .hasMessageContaining("eventGridWebhook");
    assertThatThrownBy(() -> HandoffEmulator.builder().build().acs())
        .hasMessageContaining("not started");
  }
}
