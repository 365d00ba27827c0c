package dev.handoff.benchmarks.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.benchmarks.load.Args;
import dev.handoff.benchmarks.load.LatencyStats;
import dev.handoff.benchmarks.load.StandaloneEmulator;
import dev.handoff.benchmarks.process.Apps;
import dev.handoff.benchmarks.process.ChildJvm;
import dev.handoff.benchmarks.process.FreePort;
import dev.handoff.benchmarks.process.Readiness;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Start-up: from forking {@code java -jar} to the first {@code 200} of {@code /q/health/ready}, and
 * the resident set size at that moment, for the service in two profiles, for the baseline Quarkus
 * app and for the baseline app with the service's Quarkus extensions (and no Handoff code),
 * alternating runs so that all four see the same machine:
 *
 * <ul>
 *   <li>{@code demo}: the provider is the embedded emulator, as {@code -Dquarkus.profile=demo}
 *       configures it (here with an API key);
 *   <li>{@code acs}: configured for a real provider ({@code handoff.provider=acs}, no emulator in
 *       the service), against an emulator running in a JVM of its own, started once before the
 *       runs, so that readiness (which asks the provider and loads its callback keys) can pass.
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.handoff.benchmarks.startup.StartupBench [--runs 7] [--jvm-option opt]... [--repo .] [--out
 * result.json]}
 */
public final class StartupBench {
  private StartupBench() {}

  /**
   * One start.
   *
   * @param readyNanos fork to first ready answer
   * @param rssBytes resident set size when ready, -1 where unknown
   */
  public record Start(long readyNanos, long rssBytes) {}

  /**
   * @param argv the options above
   * @throws Exception when an application fails to start
   */
  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, Set.of("runs", "jvm-option", "repo", "out"), Set.of());
    int runs = args.integer("runs", 7, 1);
    List<String> jvmOptions = args.all("jvm-option");
    Apps apps = new Apps(Path.of(args.get("repo").orElse(".")));
    Path service = apps.serviceJar();
    Path baseline = apps.baselineJar();
    Path extensions = apps.extensionsJar();
    Path logs = apps.repo().resolve("benchmarks/target/startup");
    Files.createDirectories(logs);

    List<Start> serviceStarts = new ArrayList<>();
    List<Start> acsStarts = new ArrayList<>();
    List<Start> baselineStarts = new ArrayList<>();
    List<Start> extensionsStarts = new ArrayList<>();
    try (StandaloneEmulator provider =
        StandaloneEmulator.start(apps, List.of(), 1.0, logs.resolve("provider-emulator.log"))) {
      for (int run = 0; run < runs; run++) {
        int servicePort = FreePort.pick();
        serviceStarts.add(
            measure(
                service,
                jvmOptions,
                Apps.serviceProperties(servicePort, Apps.randomApiKey(), 1.0, Map.of()),
                servicePort,
                logs.resolve("service-" + run + ".log")));
        int acsPort = FreePort.pick();
        acsStarts.add(
            measure(
                service,
                jvmOptions,
                Apps.acsServiceProperties(acsPort, Apps.randomApiKey(), provider.acs(), Map.of()),
                acsPort,
                logs.resolve("service-acs-" + run + ".log")));
        int baselinePort = FreePort.pick();
        baselineStarts.add(
            measure(
                baseline,
                jvmOptions,
                Apps.baselineProperties(baselinePort),
                baselinePort,
                logs.resolve("baseline-" + run + ".log")));
        int extensionsPort = FreePort.pick();
        extensionsStarts.add(
            measure(
                extensions,
                jvmOptions,
                Apps.baselineProperties(extensionsPort),
                extensionsPort,
                logs.resolve("extensions-" + run + ".log")));
        System.out.printf(
            Locale.ROOT,
            "run %d: service (demo) %s, service (acs) %s, baseline %s, baseline + extensions %s%n",
            run + 1,
            describe(serviceStarts.get(run)),
            describe(acsStarts.get(run)),
            describe(baselineStarts.get(run)),
            describe(extensionsStarts.get(run)));
      }
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("runs", runs);
    report.put("jvmOptions", jvmOptions);
    report.put("service", summary(serviceStarts));
    report.put("serviceAcs", summary(acsStarts));
    report.put("baseline", summary(baselineStarts));
    report.put("baselineWithServiceExtensions", summary(extensionsStarts));
    putRatios(report, "ready", "rss", serviceStarts, baselineStarts);
    putRatios(report, "acsReady", "acsRss", acsStarts, baselineStarts);
    putRatios(report, "extensionsReady", "extensionsRss", extensionsStarts, baselineStarts);
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    System.out.println(json);
    if (args.get("out").isPresent()) {
      Files.writeString(Path.of(args.get("out").get()), json + "\n");
    }
  }

  private static Start measure(
      Path jar, List<String> jvmOptions, Map<String, String> properties, int port, Path log)
      throws Exception {
    try (ChildJvm child = ChildJvm.start(jar, jvmOptions, properties, log)) {
      long ready =
          Readiness.await(
              child,
              URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
              Duration.ofMinutes(2));
      long rss = child.residentSetBytes().orElse(-1);
      return new Start(ready - child.startedNanos(), rss);
    }
  }

  private static String describe(Start start) {
    return String.format(
        Locale.ROOT, "%.0f ms / %.1f MiB", start.readyNanos() / 1e6, start.rssBytes() / 1048576.0);
  }

  private static Map<String, Object> summary(List<Start> starts) {
    LatencyStats ready = LatencyStats.of(starts.stream().mapToLong(Start::readyNanos).toArray());
    LatencyStats rss = LatencyStats.of(starts.stream().mapToLong(Start::rssBytes).toArray());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("readyMillisMedian", ready.percentile(50) / 1e6);
    summary.put("readyMillisMin", ready.min() / 1e6);
    summary.put("readyMillisMax", ready.max() / 1e6);
    summary.put("rssMiBMedian", rss.percentile(50) / 1048576.0);
    summary.put("rssMiBMin", rss.min() / 1048576.0);
    summary.put("rssMiBMax", rss.max() / 1048576.0);
    return summary;
  }

  /** Time to ready and RSS of some starts over the baseline's, each a ratio of medians. */
  private static void putRatios(
      Map<String, Object> report,
      String readyKey,
      String rssKey,
      List<Start> starts,
      List<Start> baseline) {
    report.put(
        readyKey + "RatioOfMedians",
        median(starts, Start::readyNanos) / median(baseline, Start::readyNanos));
    report.put(
        rssKey + "RatioOfMedians",
        median(starts, Start::rssBytes) / median(baseline, Start::rssBytes));
  }

  private static double median(List<Start> starts, ToLongFunction<Start> of) {
    return LatencyStats.of(starts.stream().mapToLong(of).toArray()).percentile(50);
  }
}
