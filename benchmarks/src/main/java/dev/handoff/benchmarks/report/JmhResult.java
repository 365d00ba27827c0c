package dev.handoff.benchmarks.report;

import java.util.OptionalDouble;

/**
 * One benchmark's result from JMH's JSON output, in nanoseconds per operation.
 *
 * @param benchmark the fully qualified method, e.g. {@code
 *     dev.handoff.benchmarks.parse.AcsCallbackBenchmark.handoffBatch}
 * @param nanosPerOperation the score
 * @param errorNanos the half-width of JMH's 99.9 % confidence interval, NaN when JMH could not
 *     compute one (a single iteration)
 * @param allocatedBytesPerOperation {@code gc.alloc.rate.norm} when run with {@code -prof gc}
 */
public record JmhResult(
    String benchmark,
    double nanosPerOperation,
    double errorNanos,
    OptionalDouble allocatedBytesPerOperation) {

  /**
   * @return the class part of {@link #benchmark()}
   */
  public String className() {
    return benchmark.substring(0, benchmark.lastIndexOf('.'));
  }

  /**
   * @return the method part of {@link #benchmark()}
   */
  public String method() {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /**
   * @return the class's simple name and the method, e.g. {@code AcsCallbackBenchmark.handoffBatch}
   */
  public String shortName() {
    String owner = className();
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + method();
  }
}
