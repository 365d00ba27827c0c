package dev.handoff.ports.testing;

import static dev.handoff.ports.testing.Events.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.ports.out.IncomingCallStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link IncomingCallStore} must have. A store's test extends this class and
 * supplies a fresh, empty store on the given clock and retention.
 */
public abstract class IncomingCallStoreContract {
  /** A fixed instant the fixtures start from. */
  protected static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** The retention the stores under test are given. */
  protected static final Duration RETENTION = Duration.ofMinutes(5);

  /** The clock every store under test runs on, standing at {@link #T0}. */
  protected final MutableClock clock = new MutableClock(T0);

  /**
   * @param clock the clock the store must read whenever it needs the time
   * @param retention how long the store keeps an announced call
   * @return a new, empty store
   */
  protected abstract IncomingCallStore newStore(Clock clock, Duration retention);

  private IncomingCallStore newStore() {
    return newStore(clock, RETENTION);
  }

  @Test
  void announcedCallsAreListedMostRecentFirstUpToTheLimit() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    clock.advance(Duration.ofSeconds(1));
    store.announce(incoming("e2", "call-2"));
    clock.advance(Duration.ofSeconds(1));
    store.announce(incoming("e3", "call-3"));

    assertThat(store.recent(10))
        .extracting(IncomingCall::callId)
        .containsExactly("call-3", "call-2", "call-1");
    assertThat(store.recent(2))
        .extracting(IncomingCall::callId)
        .containsExactly("call-3", "call-2");
  }

  @Test
  void callsAnnouncedInOneInstantKeepTheirOrder() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    store.announce(incoming("e2", "call-2"));

    assertThat(store.recent(10))
        .extracting(IncomingCall::callId)
        .containsExactly("call-2", "call-1");
  }

  @Test
  void aRepeatedAnnouncementIsKeptOnce() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    clock.advance(Duration.ofSeconds(1));
    store.announce(incoming("e2", "call-2"));
    store.announce(incoming("e1", "call-1"));

    assertThat(store.recent(10))
        .extracting(IncomingCall::callId)
        .containsExactly("call-2", "call-1");
  }

  @Test
  void aCallIsFoundByItsIdAsLastAnnounced() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    clock.advance(Duration.ofSeconds(1));
    IncomingCall again = incoming("e2", "call-1");
    store.announce(again);

    assertThat(store.find("call-1")).contains(again);
    assertThat(store.find("call-9")).isEmpty();
  }

  @Test
  void everyPartOfACallSurvivesTheStore() {
    IncomingCallStore store = newStore();
    Map<String, String> sip = new LinkedHashMap<>();
    sip.put("X-MS-Custom-b", "2");
    sip.put("User-To-User", "abc;encoding=hex");
    sip.put("X-MS-Custom-a", "1");
    IncomingCall call =
        new IncomingCall(
            new EventMeta(
                Operations.PROVIDER,
                "e-full",
                "Fake.IncomingCall",
                Instant.parse("2026-11-23T09:59:59.123456789Z")),
            "call-full",
            "opaque-context",
            PhoneNumber.of("+14255550123").withDisplayName("Ann"),
            TeamsUser.of("8:acs:resource_user").withDisplayName("Desk"),
            Optional.of("Ann Caller"),
            sip,
            Map.of("x-vendor", "v"),
            Optional.of(
                TeamsPhoneCallDetails.builder()
                    .callerDetails(
                        TeamsPhoneCallerDetails.of(PhoneNumber.of("+14255550123"), "Ann", "1"))
                    .build()),
            Optional.of(PhoneNumber.of("+14255550199")),
            Optional.of(TeamsUser.of("8:acs:queue")),
            Optional.of("correlation-1"));
    store.announce(call);

    IncomingCall read = store.find("call-full").orElseThrow();
    assertThat(read).isEqualTo(call);
    assertThat(read.sipHeaders().keySet()).containsExactlyElementsOf(call.sipHeaders().keySet());
    assertThat(store.recent(1)).containsExactly(call);
  }

  @Test
  void aCallExpiresOnceTheRetentionHasPassedSinceItsAnnouncement() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    clock.advance(Duration.ofMinutes(1));
    store.announce(incoming("e2", "call-2"));

    clock.advance(RETENTION.minus(Duration.ofMinutes(1)).minusSeconds(1));
    assertThat(store.recent(10))
        .extracting(IncomingCall::callId)
        .containsExactly("call-2", "call-1");

    clock.advance(Duration.ofSeconds(1));
    assertThat(store.recent(10)).extracting(IncomingCall::callId).containsExactly("call-2");
    assertThat(store.find("call-1")).isEmpty();
    assertThat(store.find("call-2")).isPresent();
  }

  @Test
  void forgettingRemovesOnlyTheExpiredCalls() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    store.announce(incoming("e2", "call-2"));
    clock.advance(Duration.ofMinutes(1));
    store.announce(incoming("e3", "call-3"));
    clock.advance(RETENTION.minus(Duration.ofMinutes(1)));

    assertThat(store.forgetExpired()).isEqualTo(2);
    assertThat(store.forgetExpired()).isZero();
    assertThat(store.recent(10)).extracting(IncomingCall::callId).containsExactly("call-3");
  }

  @Test
  void anExpiredCallAnnouncedAgainIsKeptAgain() {
    IncomingCallStore store = newStore();
    store.announce(incoming("e1", "call-1"));
    clock.advance(RETENTION);
    store.forgetExpired();
    store.announce(incoming("e1", "call-1"));

    assertThat(store.find("call-1")).isPresent();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    IncomingCallStore store = newStore();
    assertThatThrownBy(() -> store.recent(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }
}
