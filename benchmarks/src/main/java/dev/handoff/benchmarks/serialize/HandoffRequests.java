package dev.handoff.benchmarks.serialize;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.acs.mapping.AcsRequestMapper;
import dev.handoff.adapter.acs.mapping.WireStyle;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.adapter.acs.wire.json.RequestWriter;
import dev.handoff.adapter.graph.mapping.GraphRequestMapper;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.domain.command.CallTransfer;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies built exactly as the adapters build them before sending: the adapter's MapStruct
 * mapper, then its writer (the ACS adapter's hand-written {@code RequestWriter}; the Graph
 * adapter's one Jackson configuration). The capability checks that run before, and the HTTP work
 * after, are left out on both sides of every comparison.
 */
public final class HandoffRequests {
  private HandoffRequests() {}

  /**
   * As {@code AcsCallControl.transfer}: {@code AcsRequestMapper} with the default wire style, then
   * {@code RequestWriter.write}.
   *
   * @param transfer the command
   * @param correlation the operation context to send ({@code SubmitContext.correlation()})
   * @return the UTF-8 JSON body
   */
  public static byte[] acsTransfer(CallTransfer transfer, String correlation) {
    return RequestWriter.write(
        AcsRequestMapper.INSTANCE.transfer(transfer, correlation, WireStyle.DEFAULT));
  }

  /**
   * The adapter's path before its bodies were written by hand, kept for comparison: {@code
   * AcsRequestMapper}, then {@code AcsJson.mapper().writeValueAsBytes}. The same bytes as {@link
   * #acsTransfer}.
   *
   * @param transfer the command
   * @param correlation the operation context to send
   * @return the UTF-8 JSON body
   * @throws JsonProcessingException never for a valid command
   */
  public static byte[] acsTransferByJackson(CallTransfer transfer, String correlation)
      throws JsonProcessingException {
    return AcsJson.mapper()
        .writeValueAsBytes(
            AcsRequestMapper.INSTANCE.transfer(transfer, correlation, WireStyle.DEFAULT));
  }

  /**
   * The wire record {@link #acsTransfer} writes: {@code AcsRequestMapper} alone.
   *
   * @param transfer the command
   * @param correlation the operation context to send
   * @return the wire record
   */
  public static TransferToParticipantRequest acsTransferWire(
      CallTransfer transfer, String correlation) {
    return AcsRequestMapper.INSTANCE.transfer(transfer, correlation, WireStyle.DEFAULT);
  }

  /**
   * As {@code GraphCallControl.transfer}: {@code GraphRequestMapper}, then {@code
   * GraphJson.mapper().writeValueAsString}; the adapter hands that string to the JDK client, which
   * encodes it as UTF-8, done here so that both sides end with bytes.
   *
   * @param transfer the command
   * @return the UTF-8 JSON body
   * @throws JsonProcessingException never for a valid command
   */
  public static byte[] graphTransfer(CallTransfer transfer) throws JsonProcessingException {
    return GraphJson.mapper()
        .writeValueAsString(GraphRequestMapper.INSTANCE.transferRequest(transfer))
        .getBytes(StandardCharsets.UTF_8);
  }
}
