package dev.handoff.app.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.auth.QuerySecretVerifier;
import dev.handoff.adapter.acs.events.AcsDelivery;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.ProviderEvent;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each event of a verified delivery carries, in its evidence, how the delivery was verified. */
class DeliveryProofTest {
  private static final String SECRET = "a-long-enough-shared-secret";

  private static final String DELIVERY =
      """
      [{"id":"e-1","source":"calling/callConnections/call-1",
        "type":"Microsoft.Communication.CallTransferAccepted",
        "data":{"transferTarget":{"rawId":"4:+14255550123","kind":"phoneNumber","phoneNumber":{"value":"+14255550123"}},
                "resultInformation":{"code":200,"subCode":7015,"message":"The transfer operation completed successfully."},
                "callConnectionId":"call-1","serverCallId":"server-1","correlationId":"corr-1"},
        "time":"2026-03-20T10:00:00.1234567+00:00","specversion":"1.0",
        "datacontenttype":"application/json","subject":"calling/callConnections/call-1"},
       {"id":"e-2","source":"calling/callConnections/call-1",
        "type":"Microsoft.Communication.CallDisconnected",
        "data":{"resultInformation":{"code":200,"subCode":7000,"message":"ended"},
                "callConnectionId":"call-1","serverCallId":"server-1","correlationId":"corr-1"},
        "time":"2026-03-20T10:00:01.5000000+00:00","specversion":"1.0",
        "datacontenttype":"application/json","subject":"calling/callConnections/call-1"}]
      """;

  private static List<ProviderEvent> read(AcsCallbacks callbacks, String query) {
    AcsDelivery delivery =
        callbacks.read(
            null, null, URI.create("https://handoff.example/callbacks/acs" + query), DELIVERY);
    return ((AcsDelivery.Events) delivery).events();
  }

  @Test
  void aDeliveryVerifiedByItsQuerySecretSaysSoInEveryEventsEvidence() {
    AcsCallbacks callbacks =
        new AcsCallbacks(
            QuerySecretVerifier.of("secret", SECRET), Optional.empty(), AcsEventParser.create());
    List<ProviderEvent> events = read(callbacks, "?secret=" + SECRET);
    assertThat(events).hasSize(2);
    OperationUpdate accepted = (OperationUpdate) events.get(0);
    assertThat(accepted.evidence().references())
        .containsEntry(DeliveryProof.REFERENCE, DeliveryProof.QUERY_SECRET)
        .containsEntry("correlationId", "corr-1");
    assertThat(accepted.evidence().subCode()).contains("7015");
    assertThat(((CallLifecycleEvent) events.get(1)).evidence().references())
        .containsEntry(DeliveryProof.REFERENCE, DeliveryProof.QUERY_SECRET);
  }

  @Test
  void aRefusedDeliveryIsNeverRead() {
    AcsCallbacks callbacks =
        new AcsCallbacks(
            QuerySecretVerifier.of("secret", SECRET), Optional.empty(), AcsEventParser.create());
    assertThatThrownBy(() -> read(callbacks, "?secret=wrong-but-long-enough-secret"))
        .isInstanceOf(CallbackRefused.class);
  }

  @Test
  void anotherConfiguredCheckIsNamedAsSuch() {
    AcsCallbacks callbacks =
        new AcsCallbacks(request -> {}, Optional.empty(), AcsEventParser.create());
    OperationUpdate accepted = (OperationUpdate) read(callbacks, "").get(0);
    assertThat(accepted.evidence().references())
        .containsEntry(DeliveryProof.REFERENCE, DeliveryProof.AUTHENTICATED);
  }
}
