package dev.handoff.contract.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.handoff.contract.port.CallControlContract;
import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.CallParty;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
import dev.handoff.contract.support.AcsEmulatorPlatform;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The port suite is not vacuous: run against the ACS adapter wrapped so that it declares
 * capabilities wrongly, the tests for exactly those capabilities fail and the others pass.
 */
class CallControlContractCatchesMistakesTest {

  @Test
  void failsAnAdapterThatClaimsTooMuchOrTooLittle() {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(MisdeclaringAcs.class))
            .execute()
            .testEvents();

    Set<String> failed =
        tests.failed().stream()
            .map(event -> event.getTestDescriptor().getDisplayName())
            .collect(Collectors.toSet());
    // Claims consultative transfer, which ACS cannot do: exercising it fails.
    assertThat(failed)
        .contains(
            "a consultative transfer replacing the consultation call is accepted and settles");
    // Hides SIP headers, yet sends them: the refusal test sees no refusal and a request sent.
    assertThat(failed).contains("SIP_HEADERS is refused");
    assertThat(tests.succeeded().count()).as("the tests of honest declarations").isGreaterThan(25);
    assertThat(failed).hasSize(2);
  }

  /** The ACS adapter behind capabilities that add consultative transfer and drop SIP headers. */
  static final class MisdeclaringAcs extends CallControlContract {
    @Override
    protected CallControlTestPlatform openPlatform() {
      return new Misdeclaring(AcsEmulatorPlatform.start());
    }
  }

  private static final class Misdeclaring implements CallControlTestPlatform {
    private final CallControlTestPlatform real;
    private final CallControl adapter;

    Misdeclaring(CallControlTestPlatform real) {
      this.real = real;
      CallControl delegate = real.callControl();
      ProviderCapabilities honest = delegate.capabilities();
      Set<Capability> claimed = EnumSet.copyOf(honest.features());
      claimed.add(Capability.CONSULTATIVE_TRANSFER);
      claimed.remove(Capability.SIP_HEADERS);
      ProviderCapabilities wrong =
          new ProviderCapabilities(
              honest.provider(),
              claimed,
              honest.addressable(),
              honest.maxRedirectTargets(),
              honest.redirectRingTimeout());
      this.adapter =
          new CallControl() {
            @Override
            public ProviderCapabilities capabilities() {
              return wrong;
            }

            @Override
            public SubmitResult transfer(CallTransfer command, SubmitContext context) {
              return delegate.transfer(command, context);
            }

            @Override
            public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
              return delegate.addParticipant(command, context);
            }

            @Override
            public SubmitResult cancelAddParticipant(
                CancelAddParticipant command, SubmitContext context) {
              return delegate.cancelAddParticipant(command, context);
            }

            @Override
            public SubmitResult redirect(RedirectCall command, SubmitContext context) {
              return delegate.redirect(command, context);
            }
          };
    }

    @Override
    public CallControl callControl() {
      return adapter;
    }

    @Override
    public TestCall createCall() {
      return real.createCall();
    }

    @Override
    public TestCall createGroupCall() {
      return real.createGroupCall();
    }

    @Override
    public TestCall createConsultationCall(Participant target) {
      // What a platform without consultation would hand out: another call with the target.
      TestCall call = real.createCall();
      return new TestCall(call.callId(), List.of(CallParty.of(target)));
    }

    @Override
    public IncomingTestCall createIncomingCall() {
      return real.createIncomingCall();
    }

    @Override
    public Participant participant(ParticipantKind kind) {
      return real.participant(kind);
    }

    @Override
    public void script(Participant participant, TargetBehaviour behaviour) {
      real.script(participant, behaviour);
    }

    @Override
    public URI callbackUri() {
      return real.callbackUri();
    }

    @Override
    public List<Delivery> deliveries(String callId) {
      return real.deliveries(callId);
    }

    @Override
    public List<ProviderEvent> parse(Delivery delivery) {
      return real.parse(delivery);
    }

    @Override
    public long requestCount() {
      return real.requestCount();
    }

    @Override
    public int executions(String callId, OperationKind kind) {
      return real.executions(callId, kind);
    }

    @Override
    public void loseNextAnswer(OperationKind kind) {
      real.loseNextAnswer(kind);
    }

    @Override
    public void reset() {
      real.reset();
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
