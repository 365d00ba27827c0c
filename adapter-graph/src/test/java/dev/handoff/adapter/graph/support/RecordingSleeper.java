package dev.handoff.adapter.graph.support;

import dev.handoff.adapter.graph.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records the waits asked for, runs an optional action, and does not wait. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile Runnable onSleep = () -> {};

  /**
   * @param action run on every sleep, e.g. to start a server that was down
   * @return this sleeper
   */
  public RecordingSleeper onSleep(Runnable action) {
    onSleep = action;
    return this;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    onSleep.run();
  }

  /**
   * @return the waits asked for, in order
   */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }
}
