package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CapabilitiesTest {
  private final FakeAcsServer server = FakeAcsServer.start();
  private final AcsCallControl acs =
      AcsCallControl.builder().connectionString(server.connectionString()).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void declaresExactlyWhatAcsCarries() {
    ProviderCapabilities capabilities = acs.capabilities();

    assertThat(capabilities.provider().value()).isEqualTo("acs");
    assertThat(capabilities.features())
        .isEqualTo(
            EnumSet.complementOf(
                EnumSet.of(
                    Capability.CONSULTATIVE_TRANSFER,
                    Capability.TRANSFEREE_PARTICIPANT_ID,
                    Capability.REDIRECT_RING_TIMEOUT,
                    Capability.REDIRECT_CALLBACK_OVERRIDE,
                    Capability.PARTICIPANT_DISPLAY_NAME,
                    Capability.CONSULTATION_CALL)));
    assertThat(capabilities.addressable()).isEqualTo(EnumSet.allOf(ParticipantKind.class));
    assertThat(capabilities.maxRedirectTargets()).isEqualTo(1);
    assertThat(capabilities.redirectRingTimeout()).isEmpty();
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of(
            CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
                .replacing("call-2")
                .build(),
            "mode"),
        Arguments.of(
            CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
                .transferee(Transferee.of(PhoneNumber.of("+14255550100"), "participant-7"))
                .build(),
            "transferee.callParticipantId"),
        Arguments.of(
            CallTransfer.builder("call-1", PhoneNumber.of("+14255550123").withDisplayName("Ada"))
                .build(),
            "target.displayName"),
        Arguments.of(
            AddParticipant.builder("call-1", AcsUser.of("8:acs:r_u").withDisplayName("Bob"))
                .build(),
            "participant.displayName"),
        Arguments.of(
            RedirectCall.builder("server-call", "ctx", List.of(AcsUser.of("8:acs:r_u")))
                .ringTimeout(Duration.ofSeconds(20))
                .build(),
            "ringTimeout"),
        Arguments.of(
            RedirectCall.builder("server-call", "ctx", List.of(AcsUser.of("8:acs:r_u")))
                .callbackUri(URI.create("https://app.example/cb"))
                .build(),
            "callbackUri"),
        Arguments.of(
            RedirectCall.builder(
                    "server-call",
                    "ctx",
                    List.of(AcsUser.of("8:acs:r_u"), PhoneNumber.of("+14255550123")))
                .build(),
            "targets"));
  }

  @ParameterizedTest
  @MethodSource("unsupported")
  void refusesWhatAcsCannotCarryBeforeSendingAnything(CallCommand command, String path) {
    SubmitContext context = SubmitContext.standalone(command, Clock.systemUTC());

    assertThatThrownBy(() -> acs.submit(command, context))
        .isInstanceOf(UnsupportedByProviderException.class)
        .satisfies(
            e ->
                assertThat(((UnsupportedByProviderException) e).violations())
                    .anySatisfy(v -> assertThat(v.path()).isEqualTo(path)));
    assertThat(server.requests()).isEmpty();
  }
}
