package dev.handoff.app.observability;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wraps a provider with a latency timer ({@code handoff.provider.requests}, by provider, kind and
 * outcome) and a client span per submission carrying the operation id, the correlation, the
 * submission token and every correlation id the provider returned.
 */
public final class ObservedCallControl implements CallControl {
  private final CallControl delegate;
  private final MeterRegistry registry;
  private final Tracer tracer;
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  /**
   * @param delegate the provider
   * @param registry where the timer goes
   * @param tracer where the spans go
   */
  public ObservedCallControl(CallControl delegate, MeterRegistry registry, Tracer tracer) {
    this.delegate = delegate;
    this.registry = registry;
    this.tracer = tracer;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public List<CapabilityViolation> check(CallCommand command) {
    return delegate.check(command);
  }

  @Override
  public Optional<ProviderStateQuery> stateQuery() {
    return delegate.stateQuery();
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    return observe(command, context, () -> delegate.transfer(command, context));
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    return observe(command, context, () -> delegate.addParticipant(command, context));
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    return observe(command, context, () -> delegate.cancelAddParticipant(command, context));
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    return observe(command, context, () -> delegate.redirect(command, context));
  }

  @Override
  public List<CapabilityViolation> check(ActionCommand command) {
    return delegate.check(command);
  }

  @Override
  public boolean repeatable(CallAction action) {
    return delegate.repeatable(action);
  }

  @Override
  public Roster participants(String callId) {
    return delegate.participants(callId);
  }

  @Override
  public SubmitResult hold(HoldParticipant command, SubmitContext context) {
    return observe("hold", command.callId(), context, () -> delegate.hold(command, context));
  }

  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    return observe("resume", command.callId(), context, () -> delegate.resume(command, context));
  }

  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    return observe("play", command.callId(), context, () -> delegate.play(command, context));
  }

  @Override
  public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    return observe(
        "remove_participant",
        command.callId(),
        context,
        () -> delegate.removeParticipant(command, context));
  }

  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    return observe("hang_up", command.callId(), context, () -> delegate.hangUp(command, context));
  }

  @Override
  public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    PlacedCall[] placed = new PlacedCall[1];
    observe(
        "place_call",
        "-",
        context,
        () -> {
          placed[0] = delegate.placeCall(command, context);
          return placed[0].result();
        });
    return placed[0];
  }

  private SubmitResult observe(
      CallCommand command, SubmitContext context, Supplier<SubmitResult> submission) {
    return observe(
        OperationKind.of(command).name().toLowerCase(Locale.ROOT),
        command.callId(),
        context,
        submission);
  }

  private SubmitResult observe(
      String kind, String callId, SubmitContext context, Supplier<SubmitResult> submission) {
    String provider = delegate.capabilities().provider().value();
    Span span =
        tracer
            .spanBuilder("handoff.provider." + kind)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("handoff.provider", provider)
            .setAttribute("handoff.operation.id", context.operationId().value())
            .setAttribute("handoff.call.id", callId)
            .setAttribute("handoff.correlation", context.correlation())
            .setAttribute(
                "handoff.submission.request_id", context.submission().requestId().toString())
            .startSpan();
    Timer.Sample sample = Timer.start(registry);
    String outcome = "refused";
    try (Scope scope = span.makeCurrent()) {
      SubmitResult result = submission.get();
      outcome = outcomeOf(result);
      result
          .evidence()
          .references()
          .forEach((name, value) -> span.setAttribute("handoff.provider.ref." + name, value));
      result
          .evidence()
          .httpStatus()
          .ifPresent(status -> span.setAttribute("http.response.status_code", status));
      if (result instanceof SubmitResult.Rejected || result instanceof SubmitResult.Indeterminate) {
        span.setStatus(StatusCode.ERROR, outcome);
      }
      return result;
    } catch (RuntimeException failure) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
      throw failure;
    } finally {
      sample.stop(timer(provider, kind, outcome));
      span.end();
    }
  }

  // Registering looks the meter up by its tags, which costs more than the timing itself: each
  // combination is looked up once.
  private Timer timer(String provider, String kind, String outcome) {
    return timers.computeIfAbsent(
        List.of(provider, kind, outcome),
        key ->
            Timer.builder("handoff.provider.requests")
                .description("Time the provider took to answer a submission")
                .tag("provider", provider)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry));
  }

  private static String outcomeOf(SubmitResult result) {
    if (result instanceof SubmitResult.Accepted) {
      return "accepted";
    }
    if (result instanceof SubmitResult.Completed) {
      return "completed";
    }
    if (result instanceof SubmitResult.Rejected) {
      return "rejected";
    }
    return "indeterminate";
  }
}
