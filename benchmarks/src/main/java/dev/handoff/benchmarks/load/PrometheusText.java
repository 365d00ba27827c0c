package dev.handoff.benchmarks.load;

/** Reads counters out of the Prometheus text exposition format that {@code /q/metrics} serves. */
public final class PrometheusText {
  private PrometheusText() {}

  /**
   * Sums every sample of a metric over all its label sets.
   *
   * @param exposition the scraped text
   * @param metric the sample name, e.g. {@code handoff_callbacks_events_total}
   * @return the sum; 0 when the metric has no sample yet (counters appear on first use)
   * @throws IllegalArgumentException when a sample of that metric has no readable value
   */
  public static double sum(String exposition, String metric) {
    double sum = 0;
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      if (rest.startsWith("{")) {
        int end = labelsEnd(rest);
        if (end < 0) {
          throw new IllegalArgumentException(metric + ": unterminated labels in '" + line + "'");
        }
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // another metric whose name starts with this one
      }
      String[] fields = rest.trim().split("\\s+");
      if (fields.length == 0 || fields[0].isEmpty()) {
        throw new IllegalArgumentException(metric + ": no value in '" + line + "'");
      }
      sum += value(fields[0], line, metric);
    }
    return sum;
  }

  private static int labelsEnd(String text) {
    boolean quoted = false;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static double value(String text, String line, String metric) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              metric + ": value '" + text + "' is not a number in '" + line + "'", e);
        }
    }
  }
}
