package dev.handoff.ports.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.out.SubmitContext;
import dev.handoff.ports.testing.FakeCallControl;
import dev.handoff.ports.testing.Operations;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoundCallbacksTest {
  private static final URI ENDPOINT = URI.create("https://handoff.example.com/callbacks/acs");
  private final CallbackBinding binding = CallbackBinding.of("0123456789abcdef0123456789abcdef");
  private final FakeCallControl provider = new FakeCallControl();
  private final SubmitContext context =
      new SubmitContext(
          OperationId.of("op-1"),
          "op-1",
          SubmissionToken.create(Instant.parse("2026-01-01T00:00:00Z")));
  private final CallTransfer transfer =
      CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

  @Test
  void eachOperationIsSentWithAUriBoundToIt() {
    BoundCallbacks.bound(provider, () -> ENDPOINT, binding).transfer(transfer, context);
    URI sent = provider.submissions().get(0).command().callbackUri().orElseThrow();
    assertThat(binding.delivery(sent)).isEqualTo(Delivery.toOperation(OperationId.of("op-1")));
  }

  @Test
  void withoutABindingTheEndpointItselfIsSent() {
    BoundCallbacks.unbound(provider, () -> ENDPOINT).transfer(transfer, context);
    assertThat(provider.submissions().get(0).command().callbackUri()).contains(ENDPOINT);
  }

  @Test
  void aCommandThatNamesItsOwnUriKeepsIt() {
    URI own = URI.create("https://client.example.com/events");
    BoundCallbacks.bound(provider, () -> ENDPOINT, binding)
        .transfer(transfer.withCallbackUri(own), context);
    assertThat(provider.submissions().get(0).command().callbackUri()).contains(own);
    assertThat(BoundCallbacks.directs(transfer.withCallbackUri(own), provider.capabilities()))
        .isFalse();
  }

  @Test
  void aProviderWithoutPerOperationCallbacksGetsTheCommandAsIs() {
    provider.declaring(
        ProviderCapabilities.builder(Operations.PROVIDER)
            .supports(Capability.TRANSFER)
            .addresses(dev.handoff.domain.participant.ParticipantKind.PHONE_NUMBER)
            .build());
    BoundCallbacks bound = BoundCallbacks.bound(provider, () -> ENDPOINT, binding);
    bound.transfer(transfer, context);
    assertThat(provider.submissions().get(0).command().callbackUri()).isEmpty();
    assertThat(BoundCallbacks.directs(transfer, provider.capabilities())).isFalse();
    assertThat(bound.binds()).isTrue();
    assertThat(bound.stateQuery()).isEmpty();
  }
}
