package dev.handoff.app.callbacks;

import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.ports.callback.CallbackBinding;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryDeferredException;
import dev.handoff.ports.in.DeliveryRefusedException;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.RecordProviderEventsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;

/**
 * Records an authentic delivery's events as what its URL binds it to (an operation, a call, or
 * nothing): a delivery whose URL token is wrong, or whose events concern another operation or call
 * than its URL was issued for, is refused with 403 and nothing of it is recorded. One that came
 * before the call it is about was known (a consultation call reporting before its placement was
 * answered) is answered 503 with {@code Retry-After}, so that the provider delivers it again.
 */
@ApplicationScoped
public class BoundDeliveries {
  private final CallbackBinding binding;
  private final RecordProviderEventsUseCase events;

  @Inject
  BoundDeliveries(CallbackBinding binding, RecordProviderEventsUseCase events) {
    this.binding = binding;
    this.events = events;
  }

  /**
   * @param requestUri the URI the delivery was posted to, query included
   * @param received the delivery's events, authenticated and parsed
   * @return what each event did
   * @throws CallbackRefused 403 when the delivery breaks its binding; 503 with {@code Retry-After}
   *     when it came before the call it is about was known
   */
  public EventReport record(URI requestUri, List<ProviderEvent> received) {
    try {
      Delivery delivery = binding.delivery(requestUri);
      return events.record(received, delivery);
    } catch (DeliveryRefusedException refused) {
      throw new CallbackRefused(403, reason(refused.reason()), refused.getMessage());
    } catch (DeliveryDeferredException early) {
      throw new CallbackRefused(
          503, "too-early", early.getMessage(), DeliveryDeferredException.RETRY_AFTER_SECONDS);
    }
  }

  /** The problem type's and the metric's reason: binding-token, -mismatch or -unbound. */
  private static String reason(DeliveryRefusedException.Reason reason) {
    switch (reason) {
      case BAD_TOKEN:
        return "binding-token";
      case MISMATCH:
        return "binding-mismatch";
      default:
        return "binding-unbound";
    }
  }
}
