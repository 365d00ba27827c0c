package dev.handoff.emulator.internal.state;

import dev.handoff.emulator.EmulatorSettings;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.callback.CallbackDispatcher;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * @param script the scripted outcomes
 */
public record Simulation(
    EmulatorSettings settings,
    IdSource ids,
    ScheduledExecutorService scheduler,
    CallbackDispatcher dispatcher,
    TokenService tokens,
    OutcomeScript script) {

  private static final Logger LOG = Logger.getLogger(Simulation.class.getName());

  /** Runs a task on the simulation thread after a simulated delay (scaled by the time scale). */
  public Future<?> after(Duration simulated, Runnable task) {
    long millis = settings.scaled(simulated).toMillis();
    return scheduler.schedule(
        () -> {
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
