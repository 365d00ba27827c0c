package dev.handoff.adapter.postgres;

import java.util.regex.Pattern;

/**
 * Checks the names that are written into SQL text (schema and channel names cannot be bound as
 * parameters). Only lower-case unquoted identifiers are accepted, so a name means the same thing in
 * {@code LISTEN name}, {@code pg_notify('name', ...)} and {@code name.operation}.
 */
final class SqlNames {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private SqlNames() {}

  /**
   * @param what the setting, e.g. {@code schema}
   * @param name the name
   * @return the name
   * @throws IllegalArgumentException when it is not a lower-case identifier
   */
  static String check(String what, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be a lower-case SQL identifier: a letter or '_', then up to 62 letters,"
              + " digits or '_'; was "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }
}
