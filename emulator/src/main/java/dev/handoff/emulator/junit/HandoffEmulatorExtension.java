package dev.handoff.emulator.junit;

import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.EmulatorControl;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one emulator per test class on free ports, resets it before each test, and injects it
 * ({@link HandoffEmulator} or {@link EmulatorControl} parameters). Registered on an instance field
 * (non-static {@code @RegisterExtension}), it starts a fresh emulator for each test instead.
 *
 * <pre>{@code
 * @ExtendWith(HandoffEmulatorExtension.class)
 * class MyTest {
 *   @Test void transfers(HandoffEmulator emulator) { ... }
 * }
 *
 * // or, to configure it:
 * @RegisterExtension
 * static HandoffEmulatorExtension emulator =
 *     new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(7));
 * }</pre>
 */
public final class HandoffEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Consumer<HandoffEmulator.Builder> configuration;
  private HandoffEmulator emulator;
  private boolean perTest;

  /** An extension with the default settings (ports 0). */
  public HandoffEmulatorExtension() {
    this(builder -> {});
  }

  /** An extension whose builder is configured further; the ports default to 0 (free ports). */
  public HandoffEmulatorExtension(Consumer<HandoffEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  /** The running emulator (between beforeAll and afterAll). */
  public HandoffEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator runs only while the test class runs");
    }
    return emulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = start();
  }

  /**
   * Resets the class's emulator, or starts one for this test when registered on an instance field.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      emulator = start();
      perTest = true;
    } else {
      emulator.control().reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  private HandoffEmulator start() {
    HandoffEmulator.Builder builder = HandoffEmulator.builder().httpPort(0).httpsPort(0);
    configuration.accept(builder);
    return builder.build().start();
  }

  private void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
    perTest = false;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == HandoffEmulator.class || type == EmulatorControl.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HandoffEmulator.class
        ? emulator()
        : emulator().control();
  }
}
