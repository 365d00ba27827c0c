package dev.handoff.benchmarks.workload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one invocation of a benchmark method stands for, read by {@link
 * dev.handoff.benchmarks.report.JmhReport} to normalise its score and to hold it against the
 * issue's targets. Nothing here changes what is measured.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Expectation {
  /**
   * @return how many provider events (ACS events, Graph notification items) one invocation parses;
   *     0 when it parses none
   */
  int events() default 0;

  /**
   * @return the target for one invocation in nanoseconds; 0 for none
   */
  double budgetNanosPerOperation() default 0;

  /**
   * @return the target per parsed event in nanoseconds; 0 for none
   */
  double budgetNanosPerEvent() default 0;
}
