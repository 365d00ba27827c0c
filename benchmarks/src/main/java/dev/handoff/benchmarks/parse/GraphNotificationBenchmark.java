package dev.handoff.benchmarks.parse;

import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.benchmarks.sdk.GraphSdkNotifications;
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
 * A Graph {@code commsNotifications} body to events: Handoff's {@link GraphNotificationParser} (to
 * domain events, with content-derived event ids) against the Graph SDK's models read the way the
 * SDK's users must (see {@link dev.handoff.benchmarks.sdk.GraphSdkNotifications}), for a blind
 * transfer's three notifications and for an incoming call's full call resource.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GraphNotificationBenchmark {
  private GraphNotificationParser parser;
  private String transferNotifications;
  private String incomingCall;

  /** The parser and the bodies. */
  @Setup
  public void setUp() {
    parser = GraphNotificationParser.builder().build();
    transferNotifications = Workloads.GRAPH_TRANSFER_NOTIFICATIONS;
    incomingCall = Workloads.GRAPH_INCOMING_CALL;
  }

  /**
   * @return the domain events of the transfer's notifications
   */
  @Benchmark
  @Expectation(events = Workloads.GRAPH_TRANSFER_NOTIFICATION_ITEMS, budgetNanosPerEvent = 5_000)
  public List<ProviderEvent> handoffTransferNotifications() {
    return parser.parse(transferNotifications);
  }

  /**
   * @return the domain event of the incoming call
   */
  @Benchmark
  @Expectation(events = 1, budgetNanosPerEvent = 5_000)
  public List<ProviderEvent> handoffIncomingCall() {
    return parser.parse(incomingCall);
  }

  /**
   * @return the SDK's models of the transfer's notifications
   */
  @Benchmark
  @Expectation(events = Workloads.GRAPH_TRANSFER_NOTIFICATION_ITEMS)
  public List<GraphSdkNotifications.Notification> sdkTransferNotifications() {
    return GraphSdkNotifications.parse(transferNotifications);
  }

  /**
   * @return the SDK's model of the incoming call
   */
  @Benchmark
  @Expectation(events = 1)
  public List<GraphSdkNotifications.Notification> sdkIncomingCall() {
    return GraphSdkNotifications.parse(incomingCall);
  }
}
