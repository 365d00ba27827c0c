package dev.handoff.app.config;

import io.quarkus.runtime.QuarkusBindException;
import io.smallrye.config.ConfigValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in a few lines why the service could not start. Settings the configuration system cannot
 * read (a word where a number belongs, an unknown provider) are named with what they must be;
 * settings that read but break a rule come from {@link StartupChecks}; a port in use is named.
 * Anything else is shown as its message chain, its stack trace after it.
 */
public final class StartupFailure {
  private static final Pattern CONVERSION =
      Pattern.compile(
          "The config property (\\S+) with the config value \"(.*?)\" threw an Exception",
          Pattern.DOTALL);
  private static final Pattern REQUIRED = Pattern.compile("The config property (\\S+) is required");
  private static final Pattern CODE = Pattern.compile("SRCFG\\d+: ");
  private static final String PREFIX = "handoff.";

  private StartupFailure() {}

  /**
   * @param failure what stopped the start
   * @return the operator's message
   */
  public static String describe(Throwable failure) {
    StartupRefusedException refused = find(failure, StartupRefusedException.class);
    if (refused != null) {
      return refused.getMessage();
    }
    ConfigValidationException unreadable = find(failure, ConfigValidationException.class);
    if (unreadable != null) {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < unreadable.getProblemCount(); i++) {
        problems.add(settingProblem(unreadable.getProblem(i).getMessage()));
      }
      return StartupRefusedException.message(problems);
    }
    QuarkusBindException bind = find(failure, QuarkusBindException.class);
    if (bind != null) {
      return "Handoff cannot start: port "
          + bind.getPort()
          + " is in use by another process; choose another with quarkus.http.port"
          + " (QUARKUS_HTTP_PORT)";
    }
    StringBuilder message = new StringBuilder("Handoff could not start: ");
    List<String> chain = new ArrayList<>();
    for (Throwable at = failure; at != null; at = at.getCause()) {
      if (at.getMessage() != null && !chain.contains(at.getMessage())) {
        chain.add(at.getMessage());
      }
    }
    message.append(chain.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", chain));
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return message + "\n\nDetails for a bug report:\n" + trace;
  }

  /**
   * @param message a problem as the configuration system words it
   * @return the same problem in the operator's terms
   */
  static String settingProblem(String message) {
    Matcher conversion = CONVERSION.matcher(message);
    if (conversion.find()) {
      String property = conversion.group(1);
      return StartupChecks.setting(property)
          + " "
          + expectation(property).orElse("has a value that cannot be read")
          + ", not '"
          + conversion.group(2)
          + "'";
    }
    Matcher required = REQUIRED.matcher(message);
    if (required.find()) {
      return StartupChecks.setting(required.group(1)) + " is required";
    }
    return CODE.matcher(message).replaceAll("");
  }

  /**
   * @param property a property name
   * @return what its value must be, read from its type in {@link HandoffConfig}
   */
  static Optional<String> expectation(String property) {
    if (!property.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Class<?> at = HandoffConfig.class;
    Type type = null;
    for (String segment : property.substring(PREFIX.length()).split("\\.")) {
      if (at == null) {
        return Optional.empty();
      }
      Method method = method(at, segment);
      if (method == null) {
        return Optional.empty();
      }
      type = unwrap(method.getGenericReturnType());
      at = type instanceof Class && ((Class<?>) type).isInterface() ? (Class<?>) type : null;
    }
    return Optional.ofNullable(type).map(StartupFailure::describeType);
  }

  private static Method method(Class<?> owner, String segment) {
    for (Method method : owner.getMethods()) {
      io.smallrye.config.WithName named = method.getAnnotation(io.smallrye.config.WithName.class);
      String name = named != null ? named.value() : kebab(method.getName());
      if (name.equals(segment) && method.getParameterCount() == 0) {
        return method;
      }
    }
    return null;
  }

  private static Type unwrap(Type type) {
    if (type instanceof ParameterizedType) {
      ParameterizedType generic = (ParameterizedType) type;
      if (generic.getRawType() == Optional.class || generic.getRawType() == List.class) {
        return unwrap(generic.getActualTypeArguments()[0]);
      }
    }
    return type;
  }

  private static String describeType(Type type) {
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "must be a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "must be a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    if (type == Duration.class) {
      return "must be a duration such as 30s, 2m or PT30S";
    }
    if (type == java.net.URI.class) {
      return "must be a URL";
    }
    if (type instanceof Class && ((Class<?>) type).isEnum()) {
      return "must be one of "
          + Arrays.stream(((Class<?>) type).getEnumConstants())
              // Not configuring a provider is no choice to offer.
              .filter(value -> value != HandoffConfig.Provider.NONE)
              .map(value -> kebab(((Enum<?>) value).name().toLowerCase(Locale.ROOT)))
              .collect(Collectors.joining(", "));
    }
    return "has a value that cannot be read";
  }

  private static String kebab(String name) {
    return name.replace('_', '-').replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable at = failure; at != null; at = at.getCause()) {
      if (type.isInstance(at)) {
        return type.cast(at);
      }
      for (Throwable suppressed : at.getSuppressed()) {
        if (type.isInstance(suppressed)) {
          return type.cast(suppressed);
        }
      }
      if (at.getCause() == at) {
        break;
      }
    }
    return null;
  }
}
