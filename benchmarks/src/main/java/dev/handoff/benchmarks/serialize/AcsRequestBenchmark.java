package dev.handoff.benchmarks.serialize;

import com.azure.communication.callautomation.models.TransferCallToParticipantOptions;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.adapter.acs.wire.json.RequestWriter;
import dev.handoff.benchmarks.sdk.AcsSdkRequests;
import dev.handoff.benchmarks.workload.Expectation;
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
 * A transfer command to the ACS {@code transferToParticipant} body: Handoff's adapter path for the
 * bare and the full-context transfer, and the ACS SDK 1.0.4 path for the bare one (1.0.4 cannot
 * carry the rest).
 *
 * <p>Besides the pairs, for comparison (no pair, no budget): the adapter's former path, Jackson's
 * data binding writing the already-mapped wire record ({@code floor*JacksonOnly}, the names of the
 * earlier runs), and the hand-written writer alone on the same record ({@code writerOnly*}), which
 * shows what the mapping costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AcsRequestBenchmark {
  private CallTransfer bare;
  private CallTransfer fullContext;
  private TransferCallToParticipantOptions sdkBare;
  private TransferToParticipantRequest bareWire;
  private TransferToParticipantRequest fullContextWire;

  /** Builds the inputs once; fields, not constants, so that nothing is folded away. */
  @Setup
  public void setUp() {
    bare = Workloads.bareTransfer();
    fullContext = Workloads.fullContextTransfer();
    sdkBare = AcsSdkRequests.bareTransferOptions();
    bareWire = HandoffRequests.acsTransferWire(bare, Workloads.CORRELATION);
    fullContextWire = HandoffRequests.acsTransferWire(fullContext, Workloads.CORRELATION);
  }

  /**
   * @return the bare transfer's body, by Handoff's adapter path (mapping and hand-written writer)
   */
  @Benchmark
  public byte[] handoffBareTransfer() {
    return HandoffRequests.acsTransfer(bare, Workloads.CORRELATION);
  }

  /**
   * @return the full-context transfer's body, by Handoff's adapter path
   */
  @Benchmark
  @Expectation(budgetNanosPerOperation = 1_500)
  public byte[] handoffFullContextTransfer() {
    return HandoffRequests.acsTransfer(fullContext, Workloads.CORRELATION);
  }

  /**
   * @return the bare transfer's body, by the ACS SDK 1.0.4
   * @throws IOException never
   */
  @Benchmark
  public byte[] sdkBareTransfer() throws IOException {
    return AcsSdkRequests.transferBody(sdkBare);
  }

  /**
   * The adapter's former path for the bare body, without its mapping: Jackson's data binding
   * writing the already-mapped wire record with the adapter's configuration (the same bytes).
   *
   * @return the bare transfer's body from its wire record
   * @throws IOException never
   */
  @Benchmark
  public byte[] floorBareTransferJacksonOnly() throws IOException {
    return AcsJson.mapper().writeValueAsBytes(bareWire);
  }

  /**
   * The adapter's former path for the full-context body, without its mapping: Jackson writing the
   * already-mapped wire record.
   *
   * @return the full-context transfer's body from its wire record
   * @throws IOException never
   */
  @Benchmark
  public byte[] floorFullContextTransferJacksonOnly() throws IOException {
    return AcsJson.mapper().writeValueAsBytes(fullContextWire);
  }

  /**
   * The hand-written writer alone on the already-mapped bare wire record: the adapter's path less
   * its mapping.
   *
   * @return the bare transfer's body from its wire record
   */
  @Benchmark
  public byte[] writerOnlyBareTransfer() {
    return RequestWriter.write(bareWire);
  }

  /**
   * The hand-written writer alone on the already-mapped full-context wire record.
   *
   * @return the full-context transfer's body from its wire record
   */
  @Benchmark
  public byte[] writerOnlyFullContextTransfer() {
    return RequestWriter.write(fullContextWire);
  }
}
