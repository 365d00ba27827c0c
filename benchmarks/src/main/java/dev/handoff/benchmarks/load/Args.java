package dev.handoff.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, a name given more than once keeping every
 * value; {@code --flag} alone is {@code true}. Unknown names are refused, so that a typo never
 * silently runs with a default.
 */
public final class Args {
  private final Map<String, List<String>> values;

  private Args(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * @param args the command line
   * @param known the option names accepted, without {@code --}
   * @param flags the names among them that take no value
   * @return the parsed options
   * @throws IllegalArgumentException naming the offending argument
   */
  public static Args parse(String[] args, Set<String> known, Set<String> flags) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "': options are --name");
      }
      String name = arg.substring(2);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
      }
      String value;
      if (flags.contains(name)) {
        value = "true";
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new Args(values);
  }

  /**
   * @param name an option
   * @return its last value
   */
  public Optional<String> get(String name) {
    List<String> all = values.get(name);
    return all == null ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * @param name an option
   * @return every value, in order
   */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /**
   * @param name a flag
   * @return whether it was given
   */
  public boolean flag(String name) {
    return values.containsKey(name);
  }

  /**
   * @param name an option
   * @param fallback its default
   * @param min the least value allowed
   * @return its value as an int
   * @throws IllegalArgumentException when it is not an integer of at least {@code min}
   */
  public int integer(String name, int fallback, int min) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": not an integer: '" + text.get() + "'");
    }
    if (value < min) {
      throw new IllegalArgumentException(
          "--" + name + ": must be at least " + min + ", got " + value);
    }
    return value;
  }

  /**
   * @param name an option
   * @param fallback its default
   * @return its value as a positive double
   * @throws IllegalArgumentException when it is not a positive number
   */
  public double positive(String name, double fallback) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return fallback;
    }
    double value;
    try {
      value = Double.parseDouble(text.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": not a number: '" + text.get() + "'");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("--" + name + ": must be positive, got " + value);
    }
    return value;
  }

  /**
   * Splits {@code key=value} options, e.g. {@code --service-property handoff.store.kind=postgres}.
   *
   * @param name the option
   * @return the pairs, in order
   * @throws IllegalArgumentException when one has no {@code =} or an empty key
   */
  public Map<String, String> properties(String name) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : all(name)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--" + name + ": expected key=value, got '" + pair + "'");
      }
      properties.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return properties;
  }
}
