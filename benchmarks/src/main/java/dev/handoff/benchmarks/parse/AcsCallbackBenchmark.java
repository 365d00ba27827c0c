package dev.handoff.benchmarks.parse;

import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.benchmarks.workload.Expectation;
import dev.handoff.benchmarks.workload.Workloads;
import dev.handoff.domain.event.ProviderEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An ACS callback body to events: Handoff's {@link AcsEventParser} (to domain events) against the
 * SDK 1.0.4's {@link CallAutomationEventParser} (to its event models), for the single-event body
 * ACS posts after a transfer and for a five-event batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AcsCallbackBenchmark {
  private AcsEventParser parser;
  private String transferAccepted;
  private String batch;

  /** The parser and the bodies. */
  @Setup
  public void setUp() {
    parser = AcsEventParser.create();
    transferAccepted = Workloads.ACS_TRANSFER_ACCEPTED;
    batch = Workloads.ACS_CALLBACK_BATCH;
  }

  /**
   * @return the domain events of one CallTransferAccepted
   */
  @Benchmark
  @Expectation(events = 1, budgetNanosPerEvent = 5_000)
  public List<ProviderEvent> handoffTransferAccepted() {
    return parser.parseEvents(transferAccepted);
  }

  /**
   * @return the domain events of the batch
   */
  @Benchmark
  @Expectation(events = Workloads.ACS_CALLBACK_BATCH_EVENTS, budgetNanosPerEvent = 5_000)
  public List<ProviderEvent> handoffBatch() {
    return parser.parseEvents(batch);
  }

  /**
   * @return the SDK's events of one CallTransferAccepted
   */
  @Benchmark
  @Expectation(events = 1)
  public List<CallAutomationEventBase> sdkTransferAccepted() {
    return CallAutomationEventParser.parseEvents(transferAccepted);
  }

  /**
   * @return the SDK's events of the batch
   */
  @Benchmark
  @Expectation(events = Workloads.ACS_CALLBACK_BATCH_EVENTS)
  public List<CallAutomationEventBase> sdkBatch() {
    return CallAutomationEventParser.parseEvents(batch);
  }
}
