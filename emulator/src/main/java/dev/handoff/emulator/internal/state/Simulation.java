package dev.handoff.emulator.internal.state;

import dev.handoff.emulator.EmulatorSettings;
import dev.handoff.emulator.internal.auth.CallbackTokens;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.callback.CallbackDispatcher;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the provider emulations share: settings, the seeded id source, the single simulation thread
 * (so that work scheduled for the same instant runs in submission order), callback delivery, the
 * signing key and the outcome script.
 *
 * @param settings the configuration
 * @param ids the root id source
 * @param scheduler the single-threaded simulation scheduler
 * @param dispatcher callback delivery
 * @param tokens the signing key
 * @param callbackTokens the tokens callbacks carry, signed ahead of need
 * @param script the scripted outcomes
 * @param generation incremented by each reset; steps scheduled in an earlier one are skipped
 */
public record Simulation(
    EmulatorSettings settings,
    IdSource ids,
    ScheduledExecutorService scheduler,
    CallbackDispatcher dispatcher,
    TokenService tokens,
    CallbackTokens callbackTokens,
    OutcomeScript script,
    AtomicLong generation) {

  private static final Logger LOG = Logger.getLogger(Simulation.class.getName());

  /** Creates a simulation at generation 0. */
  public Simulation(
      EmulatorSettings settings,
      IdSource ids,
      ScheduledExecutorService scheduler,
      CallbackDispatcher dispatcher,
      TokenService tokens,
      CallbackTokens callbackTokens,
      OutcomeScript script) {
    this(settings, ids, scheduler, dispatcher, tokens, callbackTokens, script, new AtomicLong());
  }

  /**
   * Abandons every step scheduled so far and every callback not yet being delivered, so that a
   * reset emulator does not keep playing out the calls it forgot.
   */
  public void reset() {
    generation.incrementAndGet();
    dispatcher.clear();
  }

  /**
   * Runs a task on the simulation thread after a simulated delay (scaled by the time scale). Steps
   * end in callbacks, so the callback tokens are topped up while the step waits.
   */
  public Future<?> after(Duration simulated, Runnable task) {
    long millis = settings.scaled(simulated).toMillis();
    callbackTokens.prepare(millis);
    long scheduledIn = generation.get();
    return scheduler.schedule(
        () -> {
          if (generation.get() != scheduledIn) {
            return;
          }
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "emulated provider step failed", e);
          }
        },
        millis,
        TimeUnit.MILLISECONDS);
  }
}
