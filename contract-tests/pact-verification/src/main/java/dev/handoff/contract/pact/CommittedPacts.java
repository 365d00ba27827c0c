package dev.handoff.contract.pact;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.annotations.Pact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Fails a Pact consumer test class when the pact it generated differs from the committed copy, so
 * that no change alters a contract by accident. Register it <em>before</em> {@code
 * PactConsumerTestExt}, so that it runs after pact-jvm has written the file:
 *
 * <pre>{@code
 * @ExtendWith(CommittedPacts.class)
 * @ExtendWith(PactConsumerTestExt.class)
 * @PactTestFor(providerName = "my-provider")
 * class MyConsumerPactTest { ... }
 * }</pre>
 *
 * <p>The files compared are {@code <consumer>-<provider>.json} for every {@link Pact} method of the
 * class: the generated one in {@code pact.rootDir} (default {@code target/pacts}) and the committed
 * one in {@code handoff.pacts.committed} (default {@code pacts}), both in their canonical form
 * (without the pact-jvm version, interactions sorted). With the system property {@code
 * handoff.pacts.regenerate=true} the generated pact is written over the committed one instead, for
 * a change made on purpose (with Maven: {@code mvn verify -Dhandoff.pacts.regenerate=true}, which
 * Surefire hands to the test JVM).
 */
public final class CommittedPacts implements AfterAllCallback, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CommittedPacts.class);

  /** System property: where consumer tests write pacts. */
  public static final String GENERATED_DIR = "pact.rootDir";

  /** System property: where the committed pacts are. */
  public static final String COMMITTED_DIR = "handoff.pacts.committed";

  /** System property: {@code true} to copy generated pacts over the committed ones. */
  public static final String REGENERATE = "handoff.pacts.regenerate";

  /**
   * System property, optional: the command your build runs to regenerate, shown when a pact
   * differs; without it the message names the system property to set.
   */
  public static final String REGENERATE_COMMAND = "handoff.pacts.regenerate.command";

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    context.getParent().ifPresent(parent -> parent.getStore(NAMESPACE).put("failed", true));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getExecutionException().isPresent()
        || Boolean.TRUE.equals(context.getStore(NAMESPACE).get("failed", Boolean.class))) {
      // A test failed: the pact is incomplete, and the failure already says why.
      return;
    }
    Class<?> testClass = context.getRequiredTestClass();
    Path generated = Paths.get(System.getProperty(GENERATED_DIR, "target/pacts"));
    Path committed = Paths.get(System.getProperty(COMMITTED_DIR, "pacts"));
    boolean regenerate = Boolean.getBoolean(REGENERATE);
    for (String file : pactFiles(testClass)) {
      compare(generated.resolve(file), committed.resolve(file), regenerate);
    }
  }

  /**
   * @param testClass a Pact consumer test class
   * @return the names of the pact files its {@link Pact} methods write
   */
  static Set<String> pactFiles(Class<?> testClass) {
    PactTestFor onClass = testClass.getAnnotation(PactTestFor.class);
    String classProvider = onClass == null ? "" : onClass.providerName();
    Set<String> files = new LinkedHashSet<>();
    for (Method method : testClass.getDeclaredMethods()) {
      Pact pact = method.getAnnotation(Pact.class);
      if (pact == null) {
        continue;
      }
      String provider = pact.provider().isEmpty() ? classProvider : pact.provider();
      if (pact.consumer().isEmpty() || provider.isEmpty()) {
        throw new IllegalStateException(
            testClass.getSimpleName()
                + "."
                + method.getName()
                + ": @Pact needs a consumer, and a provider here or in @PactTestFor(providerName)");
      }
      files.add(pact.consumer() + "-" + provider + ".json");
    }
    return files;
  }

  static void compare(Path generatedFile, Path committedFile, boolean regenerate) {
    if (!Files.isRegularFile(generatedFile)) {
      throw new AssertionError(
          "pact-jvm wrote no pact at " + generatedFile + "; is pact.rootDir set to that folder?");
    }
    String fresh = PactJson.canonical(read(generatedFile));
    if (regenerate) {
      write(committedFile, fresh);
      System.out.println("[handoff] regenerated " + committedFile + ": review and commit it");
      return;
    }
    if (!Files.isRegularFile(committedFile)) {
      throw new AssertionError(
          "there is no committed pact "
              + committedFile
              + " for the generated "
              + generatedFile
              + ". To add it on purpose, "
              + howToRegenerate()
              + " and commit it.");
    }
    String kept = PactJson.canonical(read(committedFile));
    if (!kept.equals(fresh)) {
      throw new AssertionError(
          "the contract "
              + committedFile.getFileName()
              + " changed: the pact generated in "
              + generatedFile
              + " differs from the committed "
              + committedFile
              + " (first difference at "
              + PactJson.firstDifference(kept, fresh)
              + "). If the change is intended, "
              + howToRegenerate()
              + ", review the diff and commit it; then the providers must verify the new pact.");
    }
  }

  /**
   * @return how to regenerate, in the words of the user's build when it named its command
   */
  static String howToRegenerate() {
    String command = System.getProperty(REGENERATE_COMMAND, "").trim();
    if (!command.isEmpty()) {
      return "regenerate with " + command;
    }
    return "run the consumer tests again with the system property "
        + REGENERATE
        + "=true (Maven: -D"
        + REGENERATE
        + "=true; Gradle: systemProperty '"
        + REGENERATE
        + "', 'true' in the test task), which writes the generated pact over the committed one";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
