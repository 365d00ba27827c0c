package dev.handoff.contract.port;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.CallControl;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an implementer supplies to run {@link CallControlContract} against a {@link CallControl}:
 * the adapter, and a platform it talks to (the real provider in a test tenant, an emulator, or a
 * fake provider in memory) that can create calls, script how targets behave, hand over what it
 * delivered to the application, and show what the provider received and executed.
 *
 * <p>What the provider received ({@link #received(String, OperationKind)}) must be read on the
 * provider's side, never from the commands: it is how the suite proves that every declared feature
 * reaches the provider intact. Where a platform truly cannot observe something, it says so in
 * {@link #unobservable()}; the suite then reports the tests that exist to check it as skipped, with
 * the reason, instead of passing them silently.
 *
 * <p>The suite calls the methods for calls and participants only where the adapter declares the
 * feature that needs them: an adapter without consultative transfer never gets {@link
 * #createConsultationCall(Participant)}, one without redirect never {@link #createIncomingCall()}.
 * Such methods may throw {@link UnsupportedOperationException}. A warm handoff's actions are sent
 * on the calls of {@link #createCall()} and {@link #createGroupCall()}, to their parties (a hold
 * names a party with its {@link CallParty#callParticipantId()} where the platform reports one), and
 * what the provider received of them is read through {@link #received(String, CallAction)}.
 *
 * <p>Implementations need not be thread-safe: the suite runs its tests one after the other.
 */
public interface CallControlTestPlatform extends AutoCloseable {

  /**
   * @return the implementation under test, configured for this platform
   */
  CallControl callControl();

  /**
   * @return a new connected call between the application and one remote party; its events are
   *     delivered where {@link #deliveries(String)} sees them
   */
  TestCall createCall();

  /**
   * @return a new connected call between the application and two remote parties (a group call)
   */
  TestCall createGroupCall();

  /**
   * A call the application already has with a transfer target, which a consultative transfer
   * replaces. Called only when the adapter declares consultative transfer.
   *
   * @param target the party the application consulted
   * @return the consultation call
   */
  TestCall createConsultationCall(Participant target);

  /**
   * An incoming call to the application, announced and not answered. Called only when the adapter
   * declares redirect.
   *
   * @return the call and its incoming-call context
   */
  IncomingTestCall createIncomingCall();

  /**
   * A party the platform can reach, of a kind the adapter addresses. Each call returns a different
   * party, so that scripts never leak between tests and a redirect can name several targets.
   *
   * @param kind a kind the adapter's capabilities list as addressable
   * @return a reachable participant of that kind
   */
  Participant participant(ParticipantKind kind);

  /**
   * Makes a participant behave as told when a transfer, invitation or redirect reaches it, until
   * {@link #reset()}. Unscripted participants answer.
   *
   * @param participant a participant returned by {@link #participant(ParticipantKind)}
   * @param behaviour what it does
   */
  void script(Participant participant, TargetBehaviour behaviour);

  /**
   * @return a callback URI the application owns, for commands that override the call's callback;
   *     what arrives there is also returned by {@link #deliveries(String)}
   */
  URI callbackUri();

  /**
   * @param callId a call
   * @return everything the provider delivered to the application about that call so far, in the
   *     order received
   */
  List<Delivery> deliveries(String callId);

  /**
   * Parses a delivery with the implementation's own event parser.
   *
   * @param delivery one delivery
   * @return its provider events, in order
   */
  List<ProviderEvent> parse(Delivery delivery);

  /**
   * @return how many requests the platform has received from the adapter since it started (token
   *     requests included); the suite compares two readings to prove that a refused command sent
   *     nothing
   */
  long requestCount();

  /**
   * What the provider received for commands of one kind about one call, read on the provider's side
   * and translated into the model's terms (see {@link ReceivedCommand}). The suite compares the
   * last one with the command it submitted. Requests the provider refused count too.
   *
   * @param callId a call: the id a command names ({@link TestCall#callId()}, {@link
   *     IncomingTestCall#callId()} for a redirect)
   * @param kind an operation kind
   * @return every such request, in the order received; empty when none arrived
   */
  List<ReceivedCommand> received(String callId, OperationKind kind);

  /**
   * What the provider received for one of a warm handoff's actions on one call, read on the
   * provider's side and translated into the model's terms as for a command (see {@link
   * ReceivedCommand} for what each part holds of an action). The suite compares the last one with
   * the action it sent. Requests the provider refused count too.
   *
   * <p>Needed only where the adapter declares a warm handoff's features ({@code WARM_HANDOFF} and
   * its companions): the default sees nothing, so that such an adapter's tests fail saying the
   * platform saw no request, until the platform observes them (or declares {@link
   * Observation#PARTIES} unobservable).
   *
   * @param callId the call the action names ({@link TestCall#callId()}); for {@link
   *     CallAction#PLACE_CALL}, the id of the new call the adapter answered with
   * @param action {@link CallAction#HOLD}, {@link CallAction#RESUME}, {@link CallAction#PLAY},
   *     {@link CallAction#REMOVE_PARTICIPANT}, {@link CallAction#HANG_UP} or {@link
   *     CallAction#PLACE_CALL}
   * @return every such request, in the order received; empty when none arrived, and by default
   */
  default List<ReceivedCommand> received(String callId, CallAction action) {
    return List.of();
  }

  /**
   * What this platform cannot observe, each with the reason, e.g. {@code
   * Map.of(Observation.EXECUTIONS, "the test tenant offers no way to lose an answer")}. The suite
   * does not check those parts; the tests that exist to check them report themselves skipped with
   * the reason. Declare only what truly cannot be observed: an undeclared part is always checked.
   *
   * @return the unobservable parts and why; empty unless overridden
   */
  default Map<Observation, String> unobservable() {
    return Map.of();
  }

  /**
   * @param callId a call
   * @param kind an operation kind
   * @return how many times the platform carried out operations of that kind on that call (a request
   *     it answered from its repeatability store does not count)
   */
  int executions(String callId, OperationKind kind);

  /**
   * Arms a fault: the next request of this kind is carried out, but its answer never reaches the
   * adapter (the connection breaks after execution).
   *
   * @param kind the operation kind
   */
  void loseNextAnswer(OperationKind kind);

  /**
   * @return the caller id to show to phone targets where a command carries one; a number the
   *     platform lets the application present. {@code +18005550100} unless overridden
   */
  default PhoneNumber sourceCallerId() {
    return PhoneNumber.of("+18005550100");
  }

  /**
   * @return how long the suite waits for an event; 10 seconds unless overridden
   */
  default Duration eventTimeout() {
    return Duration.ofSeconds(10);
  }

  /** Forgets scripts and faults before each test. Does nothing unless overridden. */
  default void reset() {}

  /** Releases what the platform holds. Does nothing unless overridden. */
  @Override
  default void close() {}
}
