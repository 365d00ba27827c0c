package dev.handoff.app;

import dev.handoff.app.config.StartupFailure;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The service's entry point. It runs Quarkus as usual, and when the service cannot start it prints
 * a short message saying why (every broken setting at once, without a stack trace) and exits with
 * status 1, instead of a long stack trace in which the useful line is buried.
 */
@QuarkusMain
public final class HandoffMain implements QuarkusApplication {

  /**
   * @param args the command line
   */
  public static void main(String... args) {
    Quarkus.run(HandoffMain.class, HandoffMain::exit, args);
  }

  @Override
  public int run(String... args) {
    Quarkus.waitForExit();
    return 0;
  }

  private static void exit(int status, Throwable failure) {
    if (failure != null) {
      System.err.println(StartupFailure.describe(failure));
      System.err.flush();
    }
    System.exit(failure != null && status == 0 ? 1 : status);
  }
}
