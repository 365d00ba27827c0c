package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.benchmarks.load.Args;
import dev.handoff.benchmarks.process.Apps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The fault soak: drives transfers through the packaged service and the emulator under a fault mix
 * and checks the outcome from the emulator's journal and the service's operations (see {@code
 * docs/RELIABILITY.md}).
 *
 * <p>Usage (from the checkout's root, after {@code ./mvnw -B -DskipTests package}):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.handoff.benchmarks.soak.SoakHarness \
 *     [--scenario soak|pairs|kill|forgery] [--preset record|ci] \
 *     [--provider acs|graph] [--store memory|postgres] [--instances 1|2] \
 *     [--transfers N] [--concurrency C] [--provider-faults 0.2] [--callback-faults 0.1] \
 *     [--short-latency PT1.5S] [--long-latency PT12S] [--attempt-timeout PT10S] \
 *     [--overall-timeout PT30S] [--deadline PT2M] [--recheck-after PT30S] [--ring-time PT1S] \
 *     [--max-hold PT30S] [--seed 13] [--repo .] [--out report.json] [--check]
 * </pre>
 *
 * <p>{@code soak}: N transfers with faults; {@code pairs}: N pairs of simultaneous transfers of one
 * call, one to each instance; {@code kill}: SIGKILL of a PostgreSQL-backed process with N transfers
 * in flight, then a restart; {@code forgery}: forged and replayed callbacks against operations
 * under way. {@code --check} exits with status 1 when the run breaks a target.
 */
public final class SoakHarness {
  private static final Set<String> OPTIONS =
      Set.of(
          "scenario",
          "preset",
          "provider",
          "store",
          "instances",
          "transfers",
          "concurrency",
          "provider-faults",
          "callback-faults",
          "short-latency",
          "long-latency",
          "attempt-timeout",
          "overall-timeout",
          "deadline",
          "recheck-after",
          "ring-time",
          "max-hold",
          "seed",
          "repo",
          "out",
          "check");

  private static final Set<String> FLAGS = Set.of("check");

  private SoakHarness() {}

  /**
   * @param argv the options above
   * @throws Exception when the run cannot be made
   */
  public static void main(String[] argv) throws Exception {
    Args args = arguments(argv);
    String preset = args.get("preset").orElse("record");
    SoakSettings base =
        switch (preset) {
          case "record" -> SoakSettings.recordRun();
          case "ci" -> SoakSettings.ci();
          default ->
              throw new IllegalArgumentException("--preset: record or ci, got '" + preset + "'");
        };
    SoakSettings settings = SoakSettings.from(args, base);
    String scenario = args.get("scenario").orElse("soak");
    Apps apps = new Apps(Path.of(args.get("repo").orElse(".")));
    Path work = apps.repo().resolve("benchmarks/target/soak");
    Files.createDirectories(work);
    ObjectNode report = run(scenario, settings, apps, work.resolve(scenario + "-logs"));
    String json = SoakApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    Path out = Path.of(args.get("out").orElse(work.resolve(scenario + ".json").toString()));
    Files.writeString(out, json);
    System.out.println(json);
    System.out.println("Report written to " + out);
    if (args.flag("check") && !report.path("holds").asBoolean()) {
      System.err.println("The run breaks a target: see " + out);
      System.exit(1);
    }
  }

  /**
   * @param argv the command line
   * @return its options, every one of them known to the harness
   * @throws IllegalArgumentException naming an unknown option or a missing value
   */
  static Args arguments(String[] argv) {
    return Args.parse(argv, OPTIONS, FLAGS);
  }

  /**
   * @param scenario {@code soak}, {@code pairs}, {@code kill} or {@code forgery}
   * @param settings the settings
   * @param apps where the packaged service is
   * @param logs where the service processes' logs go
   * @return the report; {@code holds} says whether the targets are met
   * @throws Exception when the run cannot be made
   */
  public static ObjectNode run(String scenario, SoakSettings settings, Apps apps, Path logs)
      throws Exception {
    Files.createDirectories(logs);
    try (SoakWorld world = new SoakWorld(settings, apps, logs)) {
      switch (scenario) {
        case "soak":
          SoakReport soak = new FaultSoak(world, settings).run();
          System.out.print(soak.summary());
          return soak.json();
        case "pairs":
          return new ConcurrentPairs(world, settings).run();
        case "kill":
          if (!settings.store().equals("postgres")) {
            throw new IllegalArgumentException("--scenario kill needs --store postgres");
          }
          return new KillRestart(world, settings).run();
        case "forgery":
          return new Forgeries(world, settings).run();
        default:
          throw new IllegalArgumentException(
              "--scenario: soak, pairs, kill or forgery, got '" + scenario + "'");
      }
    }
  }
}
