package com.example.acme;

import dev.handoff.contract.port.CallControlTestPlatform;
import dev.handoff.contract.port.CallParty;
import dev.handoff.contract.port.Delivery;
import dev.handoff.contract.port.IncomingTestCall;
import dev.handoff.contract.port.ReceivedCommand;
import dev.handoff.contract.port.TargetBehaviour;
import dev.handoff.contract.port.TestCall;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.CallControl;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The Acme Voice adapter against Acme Voice in memory, for the Handoff port suite. */
final class AcmePlatform implements CallControlTestPlatform {
  private static final String WEBHOOK = "https://app.example.com/acme/webhooks";

  private final FakeAcmeVoice acme = new FakeAcmeVoice();
  private final AcmeCallControl adapter = new AcmeCallControl(acme);
  private final AcmeEventParser parser = new AcmeEventParser();
  private final AtomicInteger numbers = new AtomicInteger(1000);

  @Override
  public CallControl callControl() {
    return adapter;
  }

  @Override
  public TestCall createCall() {
    return new TestCall(acme.createCall(WEBHOOK), List.of(CallParty.of(phone())));
  }

  @Override
  public TestCall createGroupCall() {
    throw new UnsupportedOperationException("the adapter does not declare TRANSFEREE");
  }

  @Override
  public TestCall createConsultationCall(Participant target) {
    throw new UnsupportedOperationException("the adapter does not declare CONSULTATIVE_TRANSFER");
  }

  @Override
  public IncomingTestCall createIncomingCall() {
    String[] call = acme.createIncomingCall();
    return new IncomingTestCall(call[0], call[1]);
  }

  @Override
  public Participant participant(ParticipantKind kind) {
    return phone();
  }

  private PhoneNumber phone() {
    return PhoneNumber.of("+1206555" + numbers.incrementAndGet());
  }

  @Override
  public void script(Participant participant, TargetBehaviour behaviour) {
    acme.script(((PhoneNumber) participant).value(), behaviour);
  }

  @Override
  public URI callbackUri() {
    return URI.create("https://app.example.com/acme/operations");
  }

  @Override
  public List<Delivery> deliveries(String callId) {
    return acme.webhooks(callId).stream()
        .map(
            body -> new Delivery(Map.of("Content-Type", "application/x-www-form-urlencoded"), body))
        .collect(Collectors.toList());
  }

  @Override
  public List<ProviderEvent> parse(Delivery delivery) {
    return parser.parse(delivery.body());
  }

  /** What Acme Voice received, read from its own record of requests. */
  @Override
  public List<ReceivedCommand> received(String callId, OperationKind kind) {
    return acme.received(callId, action(kind)).stream()
        .map(AcmePlatform::translate)
        .collect(Collectors.toList());
  }

  private static ReceivedCommand translate(AcmeRequest request) {
    ReceivedCommand.Builder received = ReceivedCommand.builder();
    for (String number : request.to()) {
      PhoneNumber phone = PhoneNumber.of(number);
      received.target(request.toName() == null ? phone : phone.withDisplayName(request.toName()));
    }
    CallingContext.Builder context = CallingContext.builder();
    request.sipHeaders().forEach(context::sipHeader);
    if (request.userToUser() != null) {
      context.userToUser(request.userToUser());
    }
    return received
        .callingContext(context.build())
        .invitationId(request.invitationId())
        .timeout(
            request.timeoutSeconds() == null ? null : Duration.ofSeconds(request.timeoutSeconds()))
        .callbackUri(request.webhook() == null ? null : URI.create(request.webhook()))
        .operationContext(request.reference())
        .build();
  }

  @Override
  public long requestCount() {
    return acme.requests();
  }

  @Override
  public int executions(String callId, OperationKind kind) {
    return acme.executions(callId, action(kind));
  }

  @Override
  public void loseNextAnswer(OperationKind kind) {
    acme.loseNextAnswer(action(kind));
  }

  private static String action(OperationKind kind) {
    switch (kind) {
      case TRANSFER:
        return "transfer";
      case ADD_PARTICIPANT:
        return "invite";
      case CANCEL_ADD_PARTICIPANT:
        return "cancel";
      default:
        return "redirect";
    }
  }

  // Acme Voice in memory delivers its webhooks during the request: nothing comes later.
  @Override
  public Duration eventTimeout() {
    return Duration.ofSeconds(1);
  }

  @Override
  public void reset() {
    acme.reset();
  }
}
