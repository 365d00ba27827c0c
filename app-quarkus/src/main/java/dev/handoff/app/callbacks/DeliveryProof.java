package dev.handoff.app.callbacks;

import dev.handoff.adapter.acs.auth.CallbackAuthenticator;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.acs.auth.QuerySecretVerifier;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes how a delivery proved it came from the provider into the evidence of each event it
 * carried, so that an operation's timeline shows, entry by entry, that the callback behind it was
 * verified and how. Only verified deliveries are ever recorded; the proof tells which check they
 * passed.
 */
public final class DeliveryProof {
  /** The evidence reference that names the proof. */
  public static final String REFERENCE = "callback-authentication";

  /** A bearer JWT whose RS256 signature, issuer, audience and lifetime were verified. */
  public static final String JWT = "jwt";

  /** A shared secret in the callback URL's query, compared in constant time. */
  public static final String QUERY_SECRET = "query-secret";

  /** Another check the application configured. */
  public static final String AUTHENTICATED = "authenticated";

  private DeliveryProof() {}

  /**
   * @param authenticator the check ACS mid-call callbacks pass
   * @return the proof it stands for
   */
  static String of(CallbackAuthenticator authenticator) {
    if (authenticator instanceof JwtCallbackVerifier) {
      return JWT;
    }
    if (authenticator instanceof QuerySecretVerifier) {
      return QUERY_SECRET;
    }
    return AUTHENTICATED;
  }

  /**
   * @param events the events of one verified delivery
   * @param proof how the delivery was verified: {@link #JWT}, {@link #QUERY_SECRET} or {@link
   *     #AUTHENTICATED}
   * @return the events, those about operations or calls carrying the proof in their evidence
   */
  static List<ProviderEvent> mark(List<ProviderEvent> events, String proof) {
    return events.stream().map(event -> mark(event, proof)).collect(Collectors.toList());
  }

  private static ProviderEvent mark(ProviderEvent event, String proof) {
    if (event instanceof OperationUpdate) {
      OperationUpdate u = (OperationUpdate) event;
      return new OperationUpdate(
          u.meta(),
          u.callId(),
          u.scope(),
          u.progress(),
          u.correlation(),
          u.invitationId(),
          u.participant(),
          u.failure(),
          with(u.evidence(), proof));
    }
    if (event instanceof CallLifecycleEvent) {
      CallLifecycleEvent c = (CallLifecycleEvent) event;
      return new CallLifecycleEvent(
          c.meta(),
          c.callId(),
          c.change(),
          c.participants(),
          with(c.evidence(), proof),
          c.failure());
    }
    if (event instanceof CallActionUpdate) {
      CallActionUpdate a = (CallActionUpdate) event;
      return new CallActionUpdate(
          a.meta(),
          a.callId(),
          a.action(),
          a.progress(),
          a.correlation(),
          a.participant(),
          a.failure(),
          with(a.evidence(), proof));
    }
    return event;
  }

  private static ProviderEvidence with(ProviderEvidence evidence, String proof) {
    return evidence.toBuilder().reference(REFERENCE, proof).build();
  }
}
