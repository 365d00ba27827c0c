package dev.handoff.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.benchmarks.process.Apps;
import dev.handoff.benchmarks.process.ChildJvm;
import dev.handoff.benchmarks.process.FlightRecording;
import dev.handoff.benchmarks.process.FreePort;
import dev.handoff.benchmarks.process.Readiness;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The load harness: N concurrent clients each submit blind transfers to the running service
 * (provider = its embedded emulator, real HTTP both ways: client → service → emulator → signed
 * callbacks → service), every transfer on a call of its own, and follow each operation to a
 * terminal state. Then the same clients against a trivial endpoint give the machine's ceiling.
 *
 * <p>Usage (from the checkout's root, after {@code ./mvnw -B -DskipTests package}):
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.handoff.benchmarks.load.LoadHarness \
 *     [--clients 8] [--transfers 2000] [--warmup-transfers 400] [--time-scale 0.01] \
 *     [--wait sse|poll] [--ceiling baseline|service|api|none] [--ceiling-requests 20000] \
 *     [--store memory|postgres] [--service-property key=value]... [--jvm-option opt]... \
 *     [--url http://host:port/ --api-key KEY] [--repo .] [--out result.json]
 * </pre>
 *
 * <p>{@code --ceiling baseline} (the default) measures the trivial endpoint of a bare Quarkus app
 * started afterwards; {@code service} the service's own liveness endpoint; {@code api} one read of
 * a finished transfer through the service's whole API stack ({@code GET /v1/operations/{id}}:
 * authentication, REST, JSON, tracing, metrics, the store), with the service's CPU per request.
 *
 * <p>{@code --store postgres} adds {@code handoff.store.kind=postgres} to the service's
 * configuration; give the datasource with {@code --service-property} (see {@code
 * docs/BENCHMARKS.md}).
 */
public final class LoadHarness {
  private static final String TARGET = "+14255550123";
  private static final String EVENTS_METRIC = "handoff_callbacks_events_total";
  private static final String DELIVERIES_METRIC = "handoff_callbacks_received_total";
  private static final Set<String> OPTIONS =
      Set.of(
          "repo",
          "url",
          "api-key",
          "clients",
          "transfers",
          "warmup-transfers",
          "time-scale",
          "wait",
          "ceiling",
          "ceiling-requests",
          "ceiling-warmup",
          "store",
          "service-property",
          "jvm-option",
          "mode",
          "jfr",
          "out");

  private LoadHarness() {}

  /**
   * @param argv the options above
   * @throws Exception when a phase fails; the message says which and why
   */
  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, OPTIONS, Set.of());
    int clients = args.integer("clients", 8, 1);
    int transfers = args.integer("transfers", 2_000, 1);
    int warmup = args.integer("warmup-transfers", 400, 0);
    double timeScale = args.positive("time-scale", 0.01);
    String wait = args.get("wait").orElse("sse");
    if (!wait.equals("sse") && !wait.equals("poll")) {
      throw new IllegalArgumentException("--wait: sse or poll, got '" + wait + "'");
    }
    String ceiling = args.get("ceiling").orElse("baseline");
    if (!Set.of("baseline", "service", "api", "none").contains(ceiling)) {
      throw new IllegalArgumentException(
          "--ceiling: baseline, service, api or none, got " + ceiling);
    }
    int ceilingRequests = args.integer("ceiling-requests", 20_000, 1);
    int ceilingWarmup = args.integer("ceiling-warmup", 4_000, 0);
    Map<String, String> extra = new LinkedHashMap<>();
    String store = args.get("store").orElse("memory");
    if (store.equals("postgres")) {
      extra.put("handoff.store.kind", "postgres");
    } else if (!store.equals("memory")) {
      throw new IllegalArgumentException("--store: memory or postgres, got '" + store + "'");
    }
    extra.putAll(args.properties("service-property"));
    List<String> jvmOptions = args.all("jvm-option");
    String mode = args.get("mode").orElse("embedded");
    if (!mode.equals("embedded") && !mode.equals("alone")) {
      throw new IllegalArgumentException("--mode: embedded or alone, got '" + mode + "'");
    }
    if (mode.equals("alone") && args.get("url").isPresent()) {
      throw new IllegalArgumentException("--mode alone starts its own service: drop --url");
    }
    Optional<Path> jfr = args.get("jfr").map(Path::of);
    Apps apps = new Apps(Path.of(args.get("repo").orElse(".")));
    Path work = apps.repo().resolve("benchmarks/target/load");
    Files.createDirectories(work);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("mode", mode);
    report.put("clients", clients);
    report.put("transfers", transfers);
    report.put("warmupTransfers", warmup);
    report.put("wait", wait);
    report.put("store", store);
    report.put("timeScale", timeScale);
    report.put("jvmOptions", jvmOptions);

    Phase.Result transferResult;
    double eventsPerSecond;
    double eventsPerTransfer;
    double deliveriesPerTransfer;
    Phase.Result ceilingResult = null;
    Duration serviceCpu = null;
    Duration ceilingCpu = null;
    Duration emulatorCpu = null;
    String ceilingTarget = null;
    ChildJvm service = null;
    StandaloneEmulator emulator = null;
    try {
      ServiceClient client;
      if (mode.equals("alone")) {
        emulator =
            StandaloneEmulator.start(apps, jvmOptions, timeScale, work.resolve("emulator.log"));
        int port = FreePort.pick();
        String apiKey = Apps.randomApiKey();
        service =
            ChildJvm.start(
                apps.serviceJar(),
                jvmOptions,
                Apps.acsServiceProperties(port, apiKey, emulator.acs(), extra),
                work.resolve("service.log"));
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Readiness.await(service, base.resolve("q/health/ready"), Duration.ofMinutes(2));
        client = new ServiceClient(base, apiKey);
        report.put(
            "service",
            "child process "
                + apps.serviceJar()
                + " with handoff.provider=acs against the emulator in its own JVM "
                + extra);
      } else if (args.get("url").isPresent()) {
        client =
            new ServiceClient(
                URI.create(withSlash(args.get("url").get())), args.get("api-key").orElse(null));
        report.put("service", args.get("url").get());
      } else {
        int port = FreePort.pick();
        String apiKey = Apps.randomApiKey();
        service =
            ChildJvm.start(
                apps.serviceJar(),
                jvmOptions,
                Apps.serviceProperties(port, apiKey, timeScale, extra),
                work.resolve("service.log"));
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Readiness.await(service, base.resolve("q/health/ready"), Duration.ofMinutes(2));
        client = new ServiceClient(base, apiKey);
        report.put("service", "child process " + apps.serviceJar() + " " + extra);
      }
      System.out.printf(Locale.ROOT, "Creating %d calls...%n", warmup + transfers);
      List<String> calls =
          emulator != null
              ? emulator.createCalls(client, clients, warmup + transfers)
              : createCalls(client, clients, warmup + transfers);
      TransferTask task = new TransferTask(client, calls, wait);
      if (warmup > 0) {
        System.out.printf(Locale.ROOT, "Warm-up: %d transfers...%n", warmup);
        Phase.Result warm = Phase.run(clients, warmup, task::run);
        requireClean("warm-up", warm);
      }
      double eventsBefore = PrometheusText.sum(client.metrics(), EVENTS_METRIC);
      double deliveriesBefore = PrometheusText.sum(client.metrics(), DELIVERIES_METRIC);
      System.out.printf(Locale.ROOT, "Measuring: %d transfers...%n", transfers);
      List<FlightRecording> recordings = new ArrayList<>();
      if (jfr.isPresent() && service != null) {
        Files.createDirectories(jfr.get());
        recordings.add(
            FlightRecording.start(service, jfr.get().resolve("service-" + mode + ".jfr")));
        if (emulator != null) {
          recordings.add(
              FlightRecording.start(emulator.process(), jfr.get().resolve("emulator-alone.jfr")));
        }
      }
      Duration cpuBefore = service == null ? null : service.cpuTime().orElse(null);
      Duration emulatorBefore = emulator == null ? null : emulator.process().cpuTime().orElse(null);
      transferResult = Phase.run(clients, transfers, i -> task.run(warmup + i));
      Duration cpuAfter = service == null ? null : service.cpuTime().orElse(null);
      Duration emulatorAfter = emulator == null ? null : emulator.process().cpuTime().orElse(null);
      for (FlightRecording recording : recordings) {
        System.out.println("Flight recording: " + recording.stop());
      }
      if (cpuBefore != null && cpuAfter != null) {
        serviceCpu = cpuAfter.minus(cpuBefore);
      }
      if (emulatorBefore != null && emulatorAfter != null) {
        emulatorCpu = emulatorAfter.minus(emulatorBefore);
      }
      String after = client.metrics();
      double events = PrometheusText.sum(after, EVENTS_METRIC) - eventsBefore;
      double deliveries = PrometheusText.sum(after, DELIVERIES_METRIC) - deliveriesBefore;
      eventsPerSecond = events / (transferResult.wallNanos() / 1e9);
      eventsPerTransfer = events / transfers;
      deliveriesPerTransfer = deliveries / transfers;
      if (ceiling.equals("service")) {
        ceilingTarget = "GET /q/health/live of the service";
        ceilingResult =
            ceilingRun(client, "q/health/live", clients, ceilingWarmup, ceilingRequests, null)
                .result();
      }
      if (ceiling.equals("api") && service != null) {
        ceilingTarget = "GET /v1/operations/{id} of the service (a finished transfer)";
        Ceiling reads =
            ceilingRun(
                client,
                "v1/operations/" + task.lastOperation(),
                clients,
                ceilingWarmup,
                ceilingRequests,
                service);
        ceilingResult = reads.result();
        ceilingCpu = reads.cpu();
      }
    } finally {
      if (service != null) {
        service.close();
      }
      if (emulator != null) {
        emulator.close();
      }
    }
    if (ceiling.equals("baseline")) {
      int port = FreePort.pick();
      try (ChildJvm baseline =
          ChildJvm.start(
              apps.baselineJar(),
              jvmOptions,
              Apps.baselineProperties(port),
              work.resolve("baseline.log"))) {
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Readiness.await(baseline, base.resolve("q/health/ready"), Duration.ofMinutes(2));
        ceilingTarget = "GET /ping of the baseline Quarkus app (benchmarks/baseline-app)";
        ServiceClient ping = new ServiceClient(base, null);
        Ceiling pings = ceilingRun(ping, "ping", clients, ceilingWarmup, ceilingRequests, baseline);
        ceilingResult = pings.result();
        ceilingCpu = pings.cpu();
      }
    }

    report.put("transfersPerSecond", transferResult.perSecond());
    report.put("submitP50Millis", millis(transferResult.first().percentile(50)));
    report.put("submitP99Millis", millis(transferResult.first().percentile(99)));
    report.put("terminalP50Millis", millis(transferResult.terminal().percentile(50)));
    report.put("terminalP99Millis", millis(transferResult.terminal().percentile(99)));
    report.put("outcomes", transferResult.outcomes());
    report.put("errors", transferResult.errors());
    report.put("firstErrors", transferResult.firstErrors());
    report.put("callbackEventsPerSecond", eventsPerSecond);
    report.put("callbackEventsPerTransfer", eventsPerTransfer);
    report.put("callbackDeliveriesPerTransfer", deliveriesPerTransfer);
    if (serviceCpu != null) {
      // The service's own CPU (in the embedded mode, its emulator included), independent of how
      // much of the shared machine the run happened to get.
      report.put("serviceCpuMillisPerTransfer", serviceCpu.toNanos() / 1e6 / transfers);
    }
    if (emulatorCpu != null) {
      report.put("emulatorCpuMillisPerTransfer", emulatorCpu.toNanos() / 1e6 / transfers);
    }
    if (ceilingCpu != null) {
      report.put("ceilingCpuMillisPerRequest", ceilingCpu.toNanos() / 1e6 / ceilingRequests);
    }
    if (serviceCpu != null && ceilingCpu != null) {
      report.put(
          "cpuRatioToCeiling",
          ((double) ceilingCpu.toNanos() / ceilingRequests)
              / ((double) serviceCpu.toNanos() / transfers));
    }
    if (ceilingResult != null) {
      report.put("ceiling", ceilingTarget);
      report.put("ceilingRequestsPerSecond", ceilingResult.perSecond());
      report.put("ceilingP50Millis", millis(ceilingResult.first().percentile(50)));
      report.put("ceilingP99Millis", millis(ceilingResult.first().percentile(99)));
      report.put("ceilingErrors", ceilingResult.errors());
      report.put("ratioToCeiling", transferResult.perSecond() / ceilingResult.perSecond());
    }
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    System.out.println(json);
    if (args.get("out").isPresent()) {
      Files.writeString(Path.of(args.get("out").get()), json + "\n");
    }
    if (transferResult.errors() > 0) {
      System.err.println("Some transfers failed: " + transferResult.firstErrors());
      System.exit(1);
    }
  }

  private static List<String> createCalls(ServiceClient client, int clients, int count)
      throws InterruptedException, IOException {
    String[] ids = new String[count];
    Phase.Result created =
        Phase.run(
            clients,
            count,
            i -> {
              long start = System.nanoTime();
              ids[i] = client.createCall();
              return new Phase.Sample(System.nanoTime() - start, -1, "created");
            });
    requireClean("call creation", created);
    List<String> calls = new ArrayList<>(count);
    for (String id : ids) {
      calls.add(id);
    }
    return calls;
  }

  /**
   * The ceiling's requests after their warm-up; with {@code measured}, the CPU that process used
   * over the measured requests alone.
   */
  private static Ceiling ceilingRun(
      ServiceClient client, String path, int clients, int warmup, int requests, ChildJvm measured)
      throws InterruptedException, IOException {
    Phase.Task get = pingTask(client, path);
    System.out.printf(Locale.ROOT, "Ceiling: %d + %d requests to /%s...%n", warmup, requests, path);
    requireClean("ceiling warm-up", Phase.run(clients, warmup, get));
    Duration cpuBefore = measured == null ? null : measured.cpuTime().orElse(null);
    Phase.Result result = Phase.run(clients, requests, get);
    Duration cpuAfter = measured == null ? null : measured.cpuTime().orElse(null);
    requireClean("ceiling", result);
    return new Ceiling(
        result, cpuBefore == null || cpuAfter == null ? null : cpuAfter.minus(cpuBefore));
  }

  /** A ceiling's measured requests, and the CPU they cost when it was measured (else null). */
  private record Ceiling(Phase.Result result, Duration cpu) {}

  private static Phase.Task pingTask(ServiceClient client, String path) {
    return i -> {
      long start = System.nanoTime();
      int status = client.get(path);
      long took = System.nanoTime() - start;
      if (status != 200) {
        throw new IOException("GET /" + path + " answered " + status);
      }
      return new Phase.Sample(took, -1, Integer.toString(status));
    };
  }

  private static void requireClean(String phase, Phase.Result result) throws IOException {
    if (result.errors() > 0) {
      throw new IOException(
          phase + ": " + result.errors() + " tasks failed, e.g. " + result.firstErrors());
    }
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  /** One transfer: submit on its own call, then follow it to a terminal state. */
  private static final class TransferTask {
    private final ServiceClient client;
    private final List<String> calls;
    private final boolean sse;
    private volatile String lastOperation;

    TransferTask(ServiceClient client, List<String> calls, String wait) {
      this.client = client;
      this.calls = calls;
      this.sse = wait.equals("sse");
    }

    Phase.Sample run(int index) throws IOException, InterruptedException {
      long start = System.nanoTime();
      String operation = client.submitTransfer(calls.get(index), TARGET, "load-" + index);
      long submitted = System.nanoTime();
      lastOperation = operation;
      if (sse) {
        ServiceClient.Final terminal = client.awaitTerminalBySse(operation);
        return new Phase.Sample(
            submitted - start, terminal.seenAtNanos() - start, terminal.state());
      }
      String state =
          client.awaitTerminalByPolling(operation, Duration.ofMillis(5), Duration.ofMinutes(3));
      return new Phase.Sample(submitted - start, System.nanoTime() - start, state);
    }

    /** The operation of the transfer submitted last. */
    String lastOperation() {
      return lastOperation;
    }
  }
}
