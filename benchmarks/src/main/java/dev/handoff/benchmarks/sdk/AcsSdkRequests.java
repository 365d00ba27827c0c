package dev.handoff.benchmarks.sdk;

import com.azure.communication.callautomation.implementation.converters.CommunicationIdentifierConverter;
import com.azure.communication.callautomation.implementation.models.TransferToParticipantRequestInternal;
import com.azure.communication.callautomation.models.TransferCallToParticipantOptions;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.util.serializer.JacksonAdapter;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import dev.handoff.benchmarks.workload.Workloads;
import java.io.IOException;

/**
 * The ACS Call Automation SDK 1.0.4's way from a transfer's options to its request body, without
 * the HTTP pipeline: {@code CallConnectionAsync.transferCallToParticipantWithResponseInternal}
 * converts the public options into the generated {@code TransferToParticipantRequestInternal}
 * (target through {@code CommunicationIdentifierConverter}, then the operation context), and
 * azure-core's {@code RestProxy} serialises that body with the client's serializer adapter, by
 * default {@code JacksonAdapter.createDefaultSerializerAdapter()} (1.0.4's models are not {@code
 * JsonSerializable}, so {@code serializeToBytes} is the branch taken).
 *
 * <p>The 1.0.4 request has only {@code targetParticipant} and {@code operationContext}: no
 * transferee, caller id, callback override or custom calling context. Only the bare transfer can be
 * compared like with like.
 */
public final class AcsSdkRequests {
  private static final SerializerAdapter SERIALIZER =
      JacksonAdapter.createDefaultSerializerAdapter();

  private AcsSdkRequests() {}

  /**
   * @return the options of the bare transfer ({@link Workloads#bareTransfer()})
   */
  public static TransferCallToParticipantOptions bareTransferOptions() {
    return new TransferCallToParticipantOptions(new PhoneNumberIdentifier(Workloads.TARGET_NUMBER))
        .setOperationContext(Workloads.CORRELATION);
  }

  /**
   * @param options the public options
   * @return the JSON body the SDK would send
   * @throws IOException when the serializer fails
   */
  public static byte[] transferBody(TransferCallToParticipantOptions options) throws IOException {
    TransferToParticipantRequestInternal request =
        new TransferToParticipantRequestInternal()
            .setTargetParticipant(
                CommunicationIdentifierConverter.convert(options.getTargetParticipant()))
            .setOperationContext(options.getOperationContext());
    return SERIALIZER.serializeToBytes(request, SerializerEncoding.JSON);
  }
}
