package dev.handoff.benchmarks.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JDK Flight Recorder recording of a child JVM, started and stopped with {@code jcmd} around the
 * measured phase only, so that start-up and warm-up stay out of the profile.
 */
public final class FlightRecording {
  private static final String NAME = "handoff-bench";

  private final ChildJvm child;
  private final Path file;

  private FlightRecording(ChildJvm child, Path file) {
    this.child = child;
    this.file = file;
  }

  /**
   * Starts a recording with the JDK's {@code profile} settings.
   *
   * @param child the JVM
   * @param file where it is written when stopped
   * @return the recording
   * @throws IOException when {@code jcmd} fails
   * @throws InterruptedException when interrupted
   */
  public static FlightRecording start(ChildJvm child, Path file)
      throws IOException, InterruptedException {
    jcmd(child.pid(), "JFR.start", "name=" + NAME, "settings=profile");
    return new FlightRecording(child, file);
  }

  /**
   * Stops the recording and writes it.
   *
   * @return the file
   * @throws IOException when {@code jcmd} fails
   * @throws InterruptedException when interrupted
   */
  public Path stop() throws IOException, InterruptedException {
    jcmd(child.pid(), "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    return file;
  }

  private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", line) + " failed: " + output);
    }
  }
}
