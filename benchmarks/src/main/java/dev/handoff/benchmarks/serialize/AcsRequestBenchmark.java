package dev.handoff.benchmarks.serialize;

import com.azure.communication.callautomation.models.TransferCallToParticipantOptions;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
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
   * @return the bare transfer's body, by Handoff
   * @throws IOException never
   */
  @Benchmark
  public byte[] handoffBareTransfer() throws IOException {
    return HandoffRequests.acsTransfer(bare, Workloads.CORRELATION);
  }

  /**
   * @return the full-context transfer's body, by Handoff
   * @throws IOException never
   */
  @Benchmark
  @Expectation(budgetNanosPerOperation = 2_000)
  public byte[] handoffFullContextTransfer() throws IOException {
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
   * The floor of Handoff's design for the bare body: the wire record already mapped, only Jackson
   * writing it (no pair, no budget; it shows what the mapping leaves to the serialiser).
   *
   * @return the bare transfer's body from its wire record
   * @throws IOException never
   */
  @Benchmark
  public byte[] floorBareTransferJacksonOnly() throws IOException {
    return AcsJson.mapper().writeValueAsBytes(bareWire);
  }

  /**
   * The floor of Handoff's design for the full-context body: the wire record already mapped, only
   * Jackson writing it.
   *
   * @return the full-context transfer's body from its wire record
   * @throws IOException never
   */
  @Benchmark
  public byte[] floorFullContextTransferJacksonOnly() throws IOException {
    return AcsJson.mapper().writeValueAsBytes(fullContextWire);
  }
}
