package dev.handoff.benchmarks.load;

import java.util.Arrays;

/**
 * Latencies of one phase, in nanoseconds, with nearest-rank percentiles.
 *
 * @param sortedNanos the samples in ascending order
 */
public record LatencyStats(long[] sortedNanos) {

  /** Copies and sorts. */
  public LatencyStats {
    sortedNanos = sortedNanos.clone();
    Arrays.sort(sortedNanos);
  }

  /**
   * @param samples the samples, in any order
   * @return their statistics
   */
  public static LatencyStats of(long... samples) {
    return new LatencyStats(samples);
  }

  /**
   * @return how many samples
   */
  public int count() {
    return sortedNanos.length;
  }

  /**
   * The nearest-rank percentile: the smallest sample that at least {@code p} % of the samples are
   * less than or equal to.
   *
   * @param p in (0, 100]
   * @return the percentile in nanoseconds
   * @throws IllegalArgumentException when {@code p} is outside (0, 100]
   * @throws IllegalStateException when there are no samples
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile: must be in (0, 100], got " + p);
    }
    if (sortedNanos.length == 0) {
      throw new IllegalStateException("percentile of no samples");
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1];
  }

  /**
   * @return the arithmetic mean in nanoseconds
   * @throws IllegalStateException when there are no samples
   */
  public double mean() {
    if (sortedNanos.length == 0) {
      throw new IllegalStateException("mean of no samples");
    }
    double sum = 0;
    for (long sample : sortedNanos) {
      sum += sample;
    }
    return sum / sortedNanos.length;
  }

  /**
   * @return the smallest sample
   * @throws IllegalStateException when there are no samples
   */
  public long min() {
    if (sortedNanos.length == 0) {
      throw new IllegalStateException("min of no samples");
    }
    return sortedNanos[0];
  }

  /**
   * @return the largest sample in nanoseconds
   * @throws IllegalStateException when there are no samples
   */
  public long max() {
    if (sortedNanos.length == 0) {
      throw new IllegalStateException("max of no samples");
    }
    return sortedNanos[sortedNanos.length - 1];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LatencyStats
        && Arrays.equals(sortedNanos, ((LatencyStats) other).sortedNanos);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sortedNanos);
  }

  @Override
  public String toString() {
    return "LatencyStats[" + sortedNanos.length + " samples]";
  }
}
