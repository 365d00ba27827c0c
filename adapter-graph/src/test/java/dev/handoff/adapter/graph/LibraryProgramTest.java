package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.journal.SentCallback;
import example.GraphTransfer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's whole library program against the emulator, as a user would, and checks that
 * the README shows exactly that program, imports and all.
 */
class LibraryProgramTest {
  private static final Path PROGRAM = Path.of("src/test/java/example/GraphTransfer.java");
  private static final Path README = Path.of("README.md");
  private static final Path ROOT_README = Path.of("../README.md");

  @Test
  void theProgramTransfersAndPrintsTheOutcomeTheNotificationsBrought() throws Exception {
    try (HandoffEmulator emulator =
        HandoffEmulator.builder().httpPort(0).httpsPort(0).timeScale(0.05).build().start()) {
      GraphEndpoints graph = emulator.graph();
      int callbackPort = freePort();
      String callId =
          emulator
              .control()
              .createGraphCall(
                  GraphCallSpec.peerToPeer(
                      "http://127.0.0.1:" + callbackPort + "/callbacks",
                      "user:" + UUID.randomUUID()))
              .callId();

      String printed =
          run(
              graph.tenantId(),
              graph.clientId(),
              graph.clientSecret(),
              graph.httpBaseUrl().toString(),
              graph.httpOpenIdConfiguration().toString(),
              callId,
              String.valueOf(callbackPort));

      assertThat(printed.strip()).isEqualTo("COMPLETED");
      ReceivedRequest transfer =
          emulator.journal().requests().stream()
              .filter(request -> "graph.transfer".equals(request.operation()))
              .findFirst()
              .orElseThrow();
      assertThat(transfer.status()).isEqualTo(202);
      assertThat(transfer.path()).isEqualTo("/v1.0/communications/calls/" + callId + "/transfer");
      assertThat(emulator.journal().callbacks())
          .isNotEmpty()
          .allSatisfy(sent -> assertThat(sent.status()).isEqualTo(SentCallback.Status.DELIVERED));
    }
  }

  @Test
  void theAdapterReadmeAndTheRootReadmeShowExactlyTheProgramThatRuns() throws Exception {
    String program = Files.readString(PROGRAM, StandardCharsets.UTF_8);
    assertThat(Files.readString(README, StandardCharsets.UTF_8))
        .contains("```java\n" + program + "```");
    assertThat(Files.readString(ROOT_README, StandardCharsets.UTF_8))
        .contains("```java\n" + program + "```");
  }

  @Test
  void theProgramsMainFitsInTwentyLines() throws Exception {
    List<String> lines = Files.readAllLines(PROGRAM, StandardCharsets.UTF_8);
    int start = lines.indexOf("  public static void main(String[] args) throws Exception {");
    int end = lines.subList(start, lines.size()).indexOf("  }") + start;
    assertThat(end - start - 1).isLessThanOrEqualTo(20);
  }

  private static String run(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      GraphTransfer.main(args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
