package dev.handoff.ports.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryRefusedException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CallbackBindingTest {
  private static final URI BASE = URI.create("https://handoff.example.com/callbacks/acs");
  private final CallbackBinding binding = CallbackBinding.of("a server secret of 32 characters");
  private final OperationId operation = OperationId.of("7d02bd13-6172-45f5-893a-a34fb6fa4f0b");

  @Test
  void aPerOperationUriIsBoundToItsOperationOnAnyInstanceWithTheSecret() {
    URI uri = binding.operationUri(BASE, operation);
    assertThat(uri.toString())
        .startsWith(BASE + "?handoff-operation=" + operation.value() + "&handoff-token=");
    CallbackBinding otherInstance = CallbackBinding.of("a server secret of 32 characters");
    assertThat(otherInstance.delivery(uri)).isEqualTo(Delivery.toOperation(operation));
    assertThat(binding.operationToken(operation)).hasSize(32);
  }

  @Test
  void theBasesOwnQueryIsKept() {
    URI uri = binding.operationUri(URI.create(BASE + "?secret=s3"), operation);
    assertThat(uri.getRawQuery()).startsWith("secret=s3&handoff-operation=");
    assertThat(binding.delivery(uri)).isEqualTo(Delivery.toOperation(operation));
  }

  @Test
  void aPerCallUriIsBoundToItsCall() {
    URI uri = binding.callUri(BASE, "call/with spaces");
    assertThat(binding.delivery(uri)).isEqualTo(Delivery.toCall("call/with spaces"));
  }

  @Test
  void aUriWithoutBindingIsAnUnboundDelivery() {
    assertThat(binding.delivery(BASE)).isEqualTo(Delivery.unbound());
    assertThat(binding.delivery(URI.create(BASE + "?secret=x"))).isEqualTo(Delivery.unbound());
  }

  @Test
  void aTokenIsWorthNothingForAnotherOperationACallOrAnotherSecret() {
    String token = binding.operationToken(operation);
    URI other = URI.create(BASE + "?handoff-operation=another-operation&handoff-token=" + token);
    assertRefused(other, "not the one issued");
    URI asCall =
        URI.create(BASE + "?handoff-call=" + operation.value() + "&handoff-token=" + token);
    assertRefused(asCall, "not the one issued");
    URI otherSecret =
        CallbackBinding.of("another secret, also long enough").operationUri(BASE, operation);
    assertRefused(otherSecret, "not the one issued");
  }

  @Test
  void malformedBindingsAreRefused() {
    assertRefused(URI.create(BASE + "?handoff-operation=op-1"), "carries no token");
    assertRefused(URI.create(BASE + "?handoff-operation=op-1&handoff-token="), "carries no token");
    assertRefused(URI.create(BASE + "?handoff-operation=a&handoff-call=b&handoff-token=t"), "both");
    String valid = binding.operationUri(BASE, operation).toString();
    assertRefused(URI.create(valid + "&handoff-operation=op-2"), "repeats");
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> CallbackBinding.of("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes");
    assertThat(binding.toString()).doesNotContain("server secret");
  }

  private void assertRefused(URI uri, String message) {
    assertThatThrownBy(() -> binding.delivery(uri))
        .isInstanceOf(DeliveryRefusedException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((DeliveryRefusedException) e).reason())
        .isEqualTo(DeliveryRefusedException.Reason.BAD_TOKEN);
  }
}
