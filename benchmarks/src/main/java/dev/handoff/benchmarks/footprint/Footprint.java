package dev.handoff.benchmarks.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.benchmarks.load.Args;
import dev.handoff.benchmarks.process.Apps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Footprint: the bytes of the jars an application gets at run time with {@code handoff-domain} +
 * {@code handoff-adapter-acs} (its runtime closure, versions as the Handoff BOM manages them),
 * against the official {@code azure-communication-callautomation:1.0.4} with its own runtime
 * closure (versions as its POM declares them). Maven resolves both ({@code
 * dependency:copy-dependencies}, runtime scope) into {@code benchmarks/target/footprint/}; this
 * adds up the files.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.handoff.benchmarks.footprint.Footprint [--repo .] [--skip-maven] [--out result.json]}
 */
public final class Footprint {
  /** The target: Handoff's closure at most this fraction of the SDK's. */
  public static final double TARGET = 0.20;

  private static final String RUNTIME_DIR = "target/footprint-runtime";
  private static final String COPY =
      "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies";

  private Footprint() {}

  /**
   * One jar of a closure.
   *
   * @param name the file name
   * @param bytes its size
   */
  public record Jar(String name, long bytes) {}

  /**
   * @param argv the options above
   * @throws Exception when Maven fails
   */
  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, Set.of("repo", "skip-maven", "out"), Set.of("skip-maven"));
    Apps apps = new Apps(Path.of(args.get("repo").orElse(".")));
    Path root = apps.repo();
    Path handoffDir = root.resolve("benchmarks/target/footprint/handoff");
    Path sdkDir = root.resolve("benchmarks/target/footprint/acs-sdk");
    if (!args.flag("skip-maven")) {
      clean(handoffDir);
      clean(sdkDir);
      clean(root.resolve("adapter-acs").resolve(RUNTIME_DIR));
      // domain, ports and adapter-acs are packaged (with the modules adapter-acs's tests need);
      // each module copies its runtime dependencies into its own target directory, and only
      // adapter-acs's are counted: its runtime closure (domain and ports among them), not what a
      // test-only sibling such as the emulator needs. adapter-acs's own jar is added below.
      maven(
          root,
          "-pl",
          "adapter-acs",
          "-am",
          "package",
          "-DskipTests",
          COPY,
          "-DincludeScope=runtime",
          "-DoutputDirectory=" + RUNTIME_DIR);
      try (var copied = Files.list(root.resolve("adapter-acs").resolve(RUNTIME_DIR))) {
        for (Path jar : (Iterable<Path>) copied::iterator) {
          Files.copy(jar, handoffDir.resolve(jar.getFileName().toString()));
        }
      }
      Files.copy(
          root.resolve("adapter-acs/target/handoff-adapter-acs-0.1.0-SNAPSHOT.jar"),
          handoffDir.resolve("handoff-adapter-acs-0.1.0-SNAPSHOT.jar"));
      maven(
          root,
          "-f",
          "benchmarks/footprint/acs-sdk/pom.xml",
          COPY,
          "-DincludeScope=runtime",
          "-DoutputDirectory=" + sdkDir);
    }
    List<Jar> handoff = jars(handoffDir);
    List<Jar> sdk = jars(sdkDir);
    long handoffBytes = total(handoff);
    long sdkBytes = total(sdk);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("handoffBytes", handoffBytes);
    report.put("handoffJars", handoff);
    report.put("sdkBytes", sdkBytes);
    report.put("sdkJars", sdk);
    report.put("ratio", (double) handoffBytes / sdkBytes);
    report.put("target", TARGET);
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    System.out.println(json);
    System.out.printf(
        Locale.ROOT,
        "Handoff domain + adapter-acs: %d jars, %.2f MiB; ACS SDK 1.0.4: %d jars, %.2f MiB;"
            + " ratio %.1f %% (target ≤ %.0f %%)%n",
        handoff.size(),
        handoffBytes / 1048576.0,
        sdk.size(),
        sdkBytes / 1048576.0,
        100.0 * handoffBytes / sdkBytes,
        100 * TARGET);
    if (args.get("out").isPresent()) {
      Files.writeString(Path.of(args.get("out").get()), json + "\n");
    }
  }

  /**
   * @param dir a directory of jars
   * @return its jars, largest first
   * @throws IOException when it cannot be listed or is empty
   */
  public static List<Jar> jars(Path dir) throws IOException {
    List<Jar> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (file.getFileName().toString().endsWith(".jar")) {
          jars.add(new Jar(file.getFileName().toString(), Files.size(file)));
        }
      }
    }
    if (jars.isEmpty()) {
      throw new IOException(dir + " holds no jar: run without --skip-maven first");
    }
    jars.sort(Comparator.comparingLong(Jar::bytes).reversed().thenComparing(Jar::name));
    return jars;
  }

  /**
   * @param jars jars
   * @return their bytes together
   */
  public static long total(List<Jar> jars) {
    return jars.stream().mapToLong(Jar::bytes).sum();
  }

  private static void clean(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static void maven(Path root, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("mvnw").toString());
    command.add("-B");
    command.add("-q");
    command.addAll(List.of(arguments));
    Path log = root.resolve("benchmarks/target/footprint/maven.log");
    Process maven =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!maven.waitFor(20, TimeUnit.MINUTES) || maven.exitValue() != 0) {
      maven.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed; see " + log);
    }
  }
}
