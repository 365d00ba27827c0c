package dev.handoff.benchmarks.serialize;

import com.microsoft.graph.communications.calls.item.transfer.TransferPostRequestBody;
import dev.handoff.benchmarks.sdk.GraphSdkRequests;
import dev.handoff.benchmarks.workload.Workloads;
import dev.handoff.domain.command.CallTransfer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A transfer command to the Graph {@code call: transfer} body: Handoff's adapter path against the
 * Graph SDK's {@code TransferPostRequestBody} written by kiota, for a bare blind transfer and for
 * the richest transfer Graph takes (consultative, named target with tenant, transferee by
 * participant id). Graph has no calling context to carry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GraphRequestBenchmark {
  private CallTransfer bare;
  private CallTransfer rich;
  private TransferPostRequestBody sdkBare;
  private TransferPostRequestBody sdkRich;

  /** Builds the inputs once: the SDK's models stand where Handoff's commands stand. */
  @Setup
  public void setUp() {
    bare = Workloads.bareGraphTransfer();
    rich = Workloads.richGraphTransfer();
    sdkBare = GraphSdkRequests.bareTransfer();
    sdkRich = GraphSdkRequests.richTransfer();
  }

  /**
   * @return the bare transfer's body, by Handoff
   * @throws IOException never
   */
  @Benchmark
  public byte[] handoffBareTransfer() throws IOException {
    return HandoffRequests.graphTransfer(bare);
  }

  /**
   * @return the rich transfer's body, by Handoff
   * @throws IOException never
   */
  @Benchmark
  public byte[] handoffRichTransfer() throws IOException {
    return HandoffRequests.graphTransfer(rich);
  }

  /**
   * @return the bare transfer's body, by kiota
   */
  @Benchmark
  public byte[] sdkBareTransfer() {
    return GraphSdkRequests.serialize(sdkBare);
  }

  /**
   * @return the rich transfer's body, by kiota
   */
  @Benchmark
  public byte[] sdkRichTransfer() {
    return GraphSdkRequests.serialize(sdkRich);
  }
}
