package dev.handoff.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.CallbackReceiver.Received;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallbackDeliveryTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(
          b ->
              b.timeScale(0.01)
                  .callbackRetry(3, Duration.ofMillis(500), Duration.ofSeconds(2))
                  .callbackTimeout(Duration.ofSeconds(2)));

  static final String BODY =
      "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+14255550123\"}}}";
  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static void transfer(HandoffEmulator emulator, String callbackUrl) {
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.oneToOne(callbackUrl, "4:+14255550100"));
    new EmulatorHttp(emulator, false)
        .acsPost(
            "/calling/callConnections/"
                + call.callConnectionId()
                + ":transferToParticipant?api-version=2026-03-12",
            BODY);
  }

  private static String path() {
    return "/cb-" + UUID.randomUUID();
  }

  @Test
  void retriesWithBackoffWhileTheReceiverFails(HandoffEmulator emulator) {
    String cb = path();
    receiver.respondWith(503, 500);
    transfer(emulator, receiver.url(cb));
    List<SentCallback> sent =
        emulator.journal().awaitCallbacks(c -> true, 2, Duration.ofSeconds(5));
    SentCallback first = sent.get(0);
    assertThat(first.status()).isEqualTo(SentCallback.Status.DELIVERED);
    assertThat(first.attempts()).extracting(a -> a.status()).containsExactly(503, 500, 200);
    assertThat(first.attempts().get(1).at()).isAfter(first.attempts().get(0).at());
    assertThat(receiver.await(cb, 4))
        .extracting(Received::acsType)
        .containsExactly(
            "CallTransferAccepted",
            "CallTransferAccepted",
            "CallTransferAccepted",
            "CallDisconnected");
  }

  @Test
  void givesUpAfterTheLastAttemptWhenTheReceiverIsUnreachable(HandoffEmulator emulator)
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    transfer(emulator, "http://127.0.0.1:" + closedPort + "/gone");
    List<SentCallback> sent =
        emulator.journal().awaitCallbacks(c -> true, 2, Duration.ofSeconds(10));
    assertThat(sent)
        .allSatisfy(
            c -> {
              assertThat(c.status()).isEqualTo(SentCallback.Status.FAILED);
              assertThat(c.attempts()).hasSize(3);
              assertThat(c.attempts().get(0).error()).contains("ConnectException");
            });
  }

  @Test
  void aNonRetryableRefusalIsNotRetried(HandoffEmulator emulator) {
    String cb = path();
    receiver.respondWith(403);
    transfer(emulator, receiver.url(cb));
    SentCallback first =
        emulator.journal().awaitCallbacks(c -> true, 2, Duration.ofSeconds(5)).get(0);
    assertThat(first.status()).isEqualTo(SentCallback.Status.FAILED);
    assertThat(first.attempts()).hasSize(1);
  }

  @Test
  void losesACallback(HandoffEmulator emulator) {
    String cb = path();
    emulator
        .control()
        .injectCallbackFault(CallbackFault.once("CallTransferAccepted", CallbackFault.Kind.LOST));
    transfer(emulator, receiver.url(cb));
    List<SentCallback> sent =
        emulator.journal().awaitCallbacks(c -> true, 2, Duration.ofSeconds(5));
    assertThat(sent.get(0).status()).isEqualTo(SentCallback.Status.LOST);
    assertThat(sent.get(0).attempts()).isEmpty();
    assertThat(sent.get(0).fault()).isEqualTo("lost");
    assertThat(receiver.await(cb, 1))
        .extracting(Received::acsType)
        .containsExactly("CallDisconnected");
  }

  @Test
  void duplicatesACallback(HandoffEmulator emulator) {
    String cb = path();
    emulator
        .control()
        .injectCallbackFault(
            CallbackFault.once("calltransferaccepted", CallbackFault.Kind.DUPLICATED));
    transfer(emulator, receiver.url(cb));
    List<Received> received = receiver.await(cb, 3);
    assertThat(received)
        .extracting(Received::acsType)
        .containsExactly("CallTransferAccepted", "CallTransferAccepted", "CallDisconnected");
    assertThat(received.get(0).json().get(0).get("id"))
        .isEqualTo(received.get(1).json().get(0).get("id"));
  }

  @Test
  void reordersACallback(HandoffEmulator emulator) {
    String cb = path();
    emulator
        .control()
        .injectCallbackFault(
            CallbackFault.once("CallTransferAccepted", CallbackFault.Kind.REORDERED));
    transfer(emulator, receiver.url(cb));
    assertThat(receiver.await(cb, 2))
        .extracting(Received::acsType)
        .containsExactly("CallDisconnected", "CallTransferAccepted");
  }

  @Test
  void aReorderedCallbackWithNoSuccessorIsReleasedAfterAHold(HandoffEmulator emulator) {
    String cb = path();
    emulator
        .control()
        .injectCallbackFault(CallbackFault.once("CallDisconnected", CallbackFault.Kind.REORDERED));
    transfer(emulator, receiver.url(cb));
    assertThat(receiver.await(cb, 2))
        .extracting(Received::acsType)
        .containsExactly("CallTransferAccepted", "CallDisconnected");
  }
}
