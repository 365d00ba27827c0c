package dev.handoff.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.benchmarks.workload.Expectation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns JMH's JSON result file into the tables of {@code docs/BENCHMARKS.md}: every score with its
 * error and allocation, Handoff against the SDK for each pair of methods named {@code handoffX} and
 * {@code sdkX} in one class, and each {@link Expectation} budget met or missed. It reports; it
 * never changes a number.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.handoff.benchmarks.report.JmhReport jmh.json}
 */
public final class JmhReport {
  /** The target: Handoff at least this many times faster per operation than the SDK. */
  public static final double SPEEDUP_TARGET = 3.0;

  private static final String HANDOFF = "handoff";
  private static final String SDK = "sdk";

  private final List<JmhResult> results;

  /**
   * @param results the results, in the order to print them
   */
  public JmhReport(List<JmhResult> results) {
    this.results = List.copyOf(results);
  }

  /**
   * @param args the JMH JSON file
   * @throws IOException when it cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JmhReport <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(new JmhReport(read(Files.readString(Path.of(args[0])))).render());
  }

  /**
   * @param json JMH's JSON output ({@code -rf json})
   * @return the average-time results in nanoseconds per operation
   * @throws IOException when it is not JMH's JSON
   * @throws IllegalArgumentException when a result is not in a time-per-operation unit
   */
  public static List<JmhResult> read(String json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isArray()) {
      throw new IOException("not a JMH result file: the top level must be an array");
    }
    List<JmhResult> read = new ArrayList<>();
    for (JsonNode run : root) {
      String benchmark = run.path("benchmark").asText();
      JsonNode primary = run.path("primaryMetric");
      double toNanos = nanosPer(primary.path("scoreUnit").asText(), benchmark);
      double score = primary.path("score").asDouble() * toNanos;
      JsonNode error = primary.path("scoreError");
      double errorNanos =
          error.isNumber() && !Double.isNaN(error.asDouble())
              ? error.asDouble() * toNanos
              : Double.NaN;
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
      if (alloc.isMissingNode()) {
        alloc = run.path("secondaryMetrics").path("\u00b7gc.alloc.rate.norm");
      }
      OptionalDouble allocated =
          alloc.isMissingNode()
              ? OptionalDouble.empty()
              : OptionalDouble.of(alloc.path("score").asDouble());
      read.add(new JmhResult(benchmark, score, errorNanos, allocated));
    }
    return read;
  }

  private static double nanosPer(String unit, String benchmark) {
    switch (unit) {
      case "ns/op":
        return 1;
      case "us/op":
        return 1_000;
      case "ms/op":
        return 1_000_000;
      case "s/op":
        return 1_000_000_000;
      default:
        throw new IllegalArgumentException(
            benchmark
                + ": score unit '"
                + unit
                + "' is not a time per operation; run with -bm avgt");
    }
  }

  /**
   * @return the three Markdown tables
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | ns/op | ± error (99.9 %) | B/op | events/op | ns/event |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (JmhResult r : results) {
      int events = expectation(r).map(Expectation::events).orElse(0);
      out.append(
          row(
              r.shortName(),
              fmt(r.nanosPerOperation()),
              fmt(r.errorNanos()),
              r.allocatedBytesPerOperation().isPresent()
                  ? fmt(r.allocatedBytesPerOperation().getAsDouble())
                  : "–",
              events == 0 ? "–" : Integer.toString(events),
              events == 0 ? "–" : fmt(r.nanosPerOperation() / events)));
    }
    out.append("\n");
    out.append(
        "| work | Handoff ns/op | SDK ns/op | SDK ÷ Handoff | range within the errors | target ≥ "
            + fmt(SPEEDUP_TARGET)
            + "× |\n");
    out.append("|---|---:|---:|---:|---:|---|\n");
    for (Comparison c : comparisons()) {
      out.append(
          row(
              c.name(),
              fmt(c.handoff().nanosPerOperation()),
              fmt(c.sdk().nanosPerOperation()),
              fmt(c.ratio()) + "×",
              fmt(c.lowestRatio()) + "× – " + fmt(c.highestRatio()) + "×",
              verdict(c.lowestRatio() >= SPEEDUP_TARGET, c.highestRatio() < SPEEDUP_TARGET)));
    }
    out.append("\n");
    out.append("| budget | measured | target | |\n");
    out.append("|---|---:|---:|---|\n");
    for (JmhResult r : results) {
      Optional<Expectation> expected = expectation(r);
      if (expected.isEmpty()) {
        continue;
      }
      Expectation e = expected.get();
      if (e.budgetNanosPerOperation() > 0) {
        out.append(
            budgetRow(
                r.shortName() + " per operation",
                r.nanosPerOperation(),
                r.errorNanos(),
                e.budgetNanosPerOperation()));
      }
      if (e.budgetNanosPerEvent() > 0 && e.events() > 0) {
        out.append(
            budgetRow(
                r.shortName() + " per event",
                r.nanosPerOperation() / e.events(),
                r.errorNanos() / e.events(),
                e.budgetNanosPerEvent()));
      }
    }
    return out.toString();
  }

  /**
   * @return each {@code handoffX} with its {@code sdkX} of the same class, in result order
   */
  public List<Comparison> comparisons() {
    Map<String, JmhResult> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.put(r.benchmark(), r));
    List<Comparison> pairs = new ArrayList<>();
    for (JmhResult r : results) {
      if (!r.method().startsWith(HANDOFF)) {
        continue;
      }
      String work = r.method().substring(HANDOFF.length());
      JmhResult sdk = byName.get(r.className() + "." + SDK + work);
      if (sdk != null) {
        String owner = r.shortName();
        pairs.add(
            new Comparison(
                owner.substring(0, owner.indexOf('.') + 1) + decapitalize(work), r, sdk));
      }
    }
    return pairs;
  }

  private static String budgetRow(String name, double measured, double error, double budget) {
    double err = Double.isNaN(error) ? 0 : error;
    return row(
        name,
        fmt(measured) + " ± " + fmt(error) + " ns",
        "≤ " + fmt(budget) + " ns",
        verdict(measured + err <= budget, measured - err > budget));
  }

  /**
   * @param met whether the target holds even at the unfavourable end of the error
   * @param missed whether it fails even at the favourable end
   * @return the verdict; a target inside the error interval is said to be so, not rounded either
   *     way
   */
  static String verdict(boolean met, boolean missed) {
    if (met) {
      return "met";
    }
    return missed ? "missed" : "within the error (undecided)";
  }

  private static Optional<Expectation> expectation(JmhResult result) {
    try {
      return Optional.ofNullable(
          Class.forName(result.className())
              .getMethod(result.method())
              .getAnnotation(Expectation.class));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      // A result file from another version of the benchmarks: report it without expectations.
      return Optional.empty();
    }
  }

  private static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return "∞";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * Handoff and the SDK doing the same work.
   *
   * @param name the work, e.g. {@code AcsCallbackBenchmark.batch}
   * @param handoff Handoff's result
   * @param sdk the SDK's result
   */
  public record Comparison(String name, JmhResult handoff, JmhResult sdk) {
    /**
     * @return how many times faster Handoff is (SDK time ÷ Handoff time)
     */
    public double ratio() {
      return sdk.nanosPerOperation() / handoff.nanosPerOperation();
    }

    /**
     * @return the ratio with the SDK at the low end (not below zero) and Handoff at the high end of
     *     their errors
     */
    public double lowestRatio() {
      return Math.max(0, sdk.nanosPerOperation() - orZero(sdk.errorNanos()))
          / (handoff.nanosPerOperation() + orZero(handoff.errorNanos()));
    }

    /**
     * @return the ratio with the SDK at the high end and Handoff at the low end of their errors
     */
    public double highestRatio() {
      double handoffLow = handoff.nanosPerOperation() - orZero(handoff.errorNanos());
      return handoffLow <= 0
          ? Double.POSITIVE_INFINITY
          : (sdk.nanosPerOperation() + orZero(sdk.errorNanos())) / handoffLow;
    }

    private static double orZero(double error) {
      return Double.isNaN(error) ? 0 : error;
    }
  }
}
