package dev.handoff.adapter.acs.wire.json;

/**
 * A member whose value is usually one of a few constants (an identifier's {@code kind}, a Teams
 * identity's {@code cloud}): each constant's whole member, name and value, is encoded once, and a
 * value that is one of those very constants is written from it. Any other value, equal or not, is
 * written as a string: the same bytes.
 */
final class KnownMember {
  private final byte[] encodedName;
  private final String[] values;
  private final byte[][] encodedMembers;

  /**
   * @param name the member's name
   * @param values its usual values, constants the mappers use
   */
  KnownMember(String name, String... values) {
    this.encodedName = JsonWriter.encodeName(name);
    this.values = values.clone();
    this.encodedMembers = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      JsonWriter json = new JsonWriter(64);
      json.name(encodedName);
      json.string(values[i]);
      encodedMembers[i] = json.toBytes();
    }
  }

  /**
   * @return the member's name as {@link JsonWriter#name(byte[])} takes it
   */
  byte[] encodedName() {
    return encodedName;
  }

  /**
   * @param value a value
   * @return the whole member, encoded, when {@code value} is one of the constants themselves (an
   *     identity test, which costs less than writing it); null otherwise
   */
  byte[] encodedMember(String value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return encodedMembers[i];
      }
    }
    return null;
  }
}
