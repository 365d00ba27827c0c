package dev.handoff.benchmarks.sdk;

import com.microsoft.graph.communications.calls.item.transfer.TransferPostRequestBody;
import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.InvitationParticipantInfo;
import com.microsoft.graph.models.ParticipantInfo;
import com.microsoft.kiota.serialization.JsonSerializationWriter;
import com.microsoft.kiota.serialization.Parsable;
import dev.handoff.benchmarks.workload.Workloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Microsoft Graph SDK 6.x transfer bodies ({@code TransferPostRequestBody}) and their serialisation
 * by kiota's {@link JsonSerializationWriter}, as {@code RequestInformation.setContentFromParsable}
 * does it before a {@code post}. The SDK's default writer factory also wraps the writer in a
 * backing-store proxy; the plain writer used here does less work, which can only favour the SDK.
 */
public final class GraphSdkRequests {
  private GraphSdkRequests() {}

  /**
   * @return the body of {@link Workloads#bareGraphTransfer()}
   */
  public static TransferPostRequestBody bareTransfer() {
    TransferPostRequestBody body = new TransferPostRequestBody();
    body.setTransferTarget(invitation(user(Workloads.TEAMS_AGENT, null, null)));
    return body;
  }

  /**
   * @return the body of {@link Workloads#richGraphTransfer()}: the v1.0 {@code Identity} has no
   *     {@code tenantId}, so it goes into the additional data, as the SDK's users do
   */
  public static TransferPostRequestBody richTransfer() {
    InvitationParticipantInfo target =
        invitation(user(Workloads.TEAMS_AGENT, "Avery Agent", Workloads.TENANT));
    target.setReplacesCallId(Workloads.CONSULTATION_CALL);
    ParticipantInfo transferee = new ParticipantInfo();
    transferee.setIdentity(user("c4a3b2d1-0e9f-4a8b-7c6d-5e4f3a2b1c0d", null, Workloads.TENANT));
    transferee.setParticipantId(Workloads.TRANSFEREE_PARTICIPANT);
    TransferPostRequestBody body = new TransferPostRequestBody();
    body.setTransferTarget(target);
    body.setTransferee(transferee);
    return body;
  }

  /**
   * @param body any kiota model
   * @return its JSON bytes as kiota writes them
   */
  public static byte[] serialize(Parsable body) {
    try (JsonSerializationWriter writer = new JsonSerializationWriter()) {
      writer.writeObjectValue(null, body);
      try (InputStream content = writer.getSerializedContent()) {
        return content.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("kiota could not serialise a " + body.getClass(), e);
    }
  }

  private static InvitationParticipantInfo invitation(IdentitySet identity) {
    InvitationParticipantInfo info = new InvitationParticipantInfo();
    info.setIdentity(identity);
    return info;
  }

  private static IdentitySet user(String id, String displayName, String tenantId) {
    Identity user = new Identity();
    user.setId(id);
    if (displayName != null) {
      user.setDisplayName(displayName);
    }
    if (tenantId != null) {
      user.getAdditionalData().put("tenantId", tenantId);
    }
    IdentitySet set = new IdentitySet();
    set.setUser(user);
    return set;
  }
}
