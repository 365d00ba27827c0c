package dev.handoff.benchmarks.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A Java application run as a child process ({@code java [jvm options] -D... -jar app.jar}), its
 * output written to a log file, stopped when closed or when this JVM exits.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final long startedNanos;
  private final Path log;
  private final Thread reaper;

  private ChildJvm(Process process, long startedNanos, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.log = log;
    this.reaper = new Thread(this::stop, "stop-" + process.pid());
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts {@code java} from the running JDK.
   *
   * @param jar the application jar
   * @param jvmOptions options before {@code -jar}, e.g. {@code -Xmx512m}
   * @param properties system properties, passed as {@code -Dkey=value}
   * @param log where the child's standard output and error go (replaced)
   * @return the running child; {@link #startedNanos()} is taken just before the fork
   * @throws IOException when the process cannot be started
   */
  public static ChildJvm start(
      Path jar, List<String> jvmOptions, Map<String, String> properties, Path log)
      throws IOException {
    return start(jar, jvmOptions, properties, List.of(), log);
  }

  /**
   * Starts {@code java} from the running JDK with arguments after the jar.
   *
   * @param jar the application jar
   * @param jvmOptions options before {@code -jar}, e.g. {@code -Xmx512m}
   * @param properties system properties, passed as {@code -Dkey=value}
   * @param arguments the application's own arguments, after the jar
   * @param log where the child's standard output and error go (replaced)
   * @return the running child; {@link #startedNanos()} is taken just before the fork
   * @throws IOException when the process cannot be started
   */
  public static ChildJvm start(
      Path jar,
      List<String> jvmOptions,
      Map<String, String> properties,
      List<String> arguments,
      Path log)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no such jar: " + jar.toAbsolutePath());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    long started = System.nanoTime();
    return new ChildJvm(builder.start(), started, log);
  }

  /**
   * @return {@link System#nanoTime()} just before the process was forked
   */
  public long startedNanos() {
    return startedNanos;
  }

  /**
   * @return the process id
   */
  public long pid() {
    return process.pid();
  }

  /**
   * @return whether it still runs
   */
  public boolean alive() {
    return process.isAlive();
  }

  /**
   * @return where its output goes
   */
  public Path log() {
    return log;
  }

  /**
   * @return its resident set size in bytes ({@code VmRSS} of {@code /proc/<pid>/status}), empty
   *     where there is no {@code /proc}
   */
  public OptionalLong residentSetBytes() {
    return ResidentSet.ofProcess(process.pid());
  }

  /**
   * @return the CPU time it has used so far (all threads, user and system), where the system tells
   */
  public Optional<Duration> cpuTime() {
    return process.info().totalCpuDuration();
  }

  /**
   * The last lines of its log, for error messages.
   *
   * @param lines how many
   * @return the tail, or a note that the log cannot be read
   */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Kills it the hard way (SIGKILL): no shutdown hook, nothing graceful, as a crash would.
   *
   * @throws InterruptedException when interrupted while it dies
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops it: SIGTERM, then SIGKILL after 20 seconds. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // Already exiting: the hook runs or ran.
    }
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
