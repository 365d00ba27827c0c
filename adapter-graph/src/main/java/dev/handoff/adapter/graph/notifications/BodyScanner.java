package dev.handoff.adapter.graph.notifications;

import java.util.Arrays;

/**
 * Reads a notification body in one pass over its characters into the tree {@link JsonValue#read}
 * builds from Jackson's tokens, and, while it reads each object item of the top-level {@code value}
 * array, writes that item's canonical bytes and derives its event id ({@link
 * JsonValue.Members#contentId()}), so no item is walked a second time.
 *
 * <p>It reads the plain JSON notification bodies are made of, and declines (returns null) anything
 * else: a number with a fraction or an exponent or more than 18 digits, white space, escapes or
 * literals JSON does not define, a control character in a string, a name over 1,024 characters,
 * nesting deeper than 64, a body over a million characters, malformed text, content after the
 * value, an empty body. The parser then reads the body with Jackson's tokenizer, which reads or
 * refuses it, with its own message, exactly as it always has. So nothing is read here that Jackson
 * would refuse, and nothing is read differently: the tree and the ids are those of that path.
 *
 * <p>Not thread-safe; {@link #read} uses one instance per thread.
 */
final class BodyScanner {
  private static final int MAX_CHARS = 1 << 20;
  private static final int MAX_NAME = 1024;
  private static final int MAX_DEPTH = 64;
  private static final int MAX_KEPT = 64 * 1024;

  private static final ThreadLocal<BodyScanner> SCANNERS =
      ThreadLocal.withInitial(BodyScanner::new);

  /** Leaves the body to Jackson; thrown without a stack trace, caught in {@link #read}. */
  private static final class Declined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Declined() {
      super(null, null, false, false);
    }
  }

  private static final Declined DECLINED = new Declined();

  private char[] in = new char[4096];
  private int pos;
  private int end;

  private final CanonicalJson out = new CanonicalJson();

  /** Whether the characters read now belong to an item, whose canonical bytes are being written. */
  private boolean canonical;

  /** The members of the objects being written canonically: a stack, innermost object on top. */
  private String[] memberNames = new String[32];

  private int[] memberStarts = new int[32];
  private int[] memberEnds = new int[32];
  private int top;

  /**
   * Names and short texts seen, by a hash of their characters; one that collides replaces another.
   * At most 256 of at most 64 (or, for names, 1,024) characters: a sender cannot make it grow.
   */
  private final String[] names = new String[256];

  private final char[][] nameChars = new char[256][];

  /** Name orders seen, by a hash of the names' identities; one that collides replaces another. */
  private final Shape[] shapes = new Shape[64];

  private byte[] scratch = new byte[1024];
  private final StringBuilder decoded = new StringBuilder();

  private BodyScanner() {}

  /**
   * @param body a notification body
   * @return its tree, each object item of the top-level {@code value} array carrying its event id;
   *     null when the body is left to Jackson
   */
  static JsonValue read(String body) {
    if (body.length() > MAX_CHARS) {
      return null;
    }
    BodyScanner scanner = SCANNERS.get();
    try {
      return scanner.scan(body);
    } catch (Declined declined) {
      return null;
    } finally {
      if (scanner.in.length > MAX_KEPT) {
        SCANNERS.remove(); // an unusually large body: do not keep its buffers for the thread's life
      }
    }
  }

  private JsonValue scan(String body) {
    int length = body.length();
    if (in.length < length) {
      in = new char[Math.max(length, in.length * 2)];
    }
    body.getChars(0, length, in, 0);
    pos = 0;
    end = length;
    top = 0;
    canonical = false;
    skipSpace();
    JsonValue root = value(0);
    skipSpace();
    if (pos != end) {
      throw DECLINED;
    }
    return root;
  }

  /**
   * @param depth the nesting depth of the container the value is in (0 for the body's value)
   */
  private JsonValue value(int depth) {
    switch (peek()) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1, false);
      case '"':
        return new JsonValue.Scalar(JsonValue.Kind.STRING, string(false));
      case 't':
        return literal("true", JsonValue.Scalar.TRUE);
      case 'f':
        return literal("false", JsonValue.Scalar.FALSE);
      case 'n':
        return literal("null", JsonValue.Scalar.NULL);
      default:
        return integer();
    }
  }

  private JsonValue.Members object(int depth) {
    JsonValue.Members object = new JsonValue.Members();
    int base = top;
    int firstMember = out.length + 1;
    if (opensEmpty('{', '}', depth)) {
      return object;
    }
    do {
      if (peek() != '"') {
        throw DECLINED;
      }
      int memberStart = out.length;
      int nameStart = pos;
      String name = string(true);
      if (pos - nameStart > MAX_NAME) {
        throw DECLINED;
      }
      skipSpace();
      if (peek() != ':') {
        throw DECLINED;
      }
      pos++;
      if (canonical) {
        out.ascii(':');
      }
      skipSpace();
      boolean items = depth == 1 && peek() == '[' && name.equals("value");
      JsonValue value = items ? array(depth + 1, true) : value(depth);
      if (canonical) {
        object.append(name, value); // a name given twice is found while ordering the names
        push(name, memberStart, out.length);
      } else {
        object.put(name, value);
      }
    } while (!closesAfterValue('}'));
    if (canonical) {
      if (inNameOrder(base, firstMember)) {
        object.keepLastOfRepeatedNames();
      }
      out.ascii('}');
    }
    top = base;
    return object;
  }

  /**
   * @param items whether this is the body's {@code value} array, whose object elements are the
   *     items that get event ids
   */
  private JsonValue.Elements array(int depth, boolean items) {
    JsonValue.Elements array = new JsonValue.Elements();
    if (opensEmpty('[', ']', depth)) {
      return array;
    }
    do {
      array.add(items && peek() == '{' ? item(depth) : value(depth));
    } while (!closesAfterValue(']'));
    if (canonical) {
      out.ascii(']');
    }
    return array;
  }

  /**
   * Reads a container's opening character.
   *
   * @return whether the container closes at once (then its closing character is read too)
   */
  private boolean opensEmpty(char open, char close, int depth) {
    if (depth > MAX_DEPTH) {
      throw DECLINED;
    }
    pos++;
    if (canonical) {
      out.ascii(open);
    }
    skipSpace();
    if (peek() != close) {
      return false;
    }
    pos++;
    if (canonical) {
      out.ascii(close);
    }
    return true;
  }

  /**
   * Reads what follows a member or an element: a comma (written canonically) or the container's
   * closing character (not written: an object orders its members first).
   *
   * @return whether it was the closing character
   */
  private boolean closesAfterValue(char close) {
    skipSpace();
    char next = peek();
    pos++;
    if (next == close) {
      return true;
    }
    if (next != ',') {
      throw DECLINED;
    }
    if (canonical) {
      out.ascii(',');
    }
    skipSpace();
    return false;
  }

  private JsonValue.Members item(int depth) {
    out.length = 0;
    canonical = true;
    JsonValue.Members item = object(depth + 1);
    canonical = false;
    item.contentId(EventIds.of(out));
    return item;
  }

  /**
   * Puts the object's members, written in the order received, into name order, keeping the last
   * value of a name given twice (as the tree does).
   *
   * @return whether a name was given twice
   */
  private boolean inNameOrder(int base, int firstMember) {
    int count = top - base;
    if (count < 2) {
      return false;
    }
    // Graph sends the same objects with the same names in the same order, and names are kept
    // (interned) strings: an order seen before is found by the names' identity, not sorted again.
    int slot =
        (System.identityHashCode(memberNames[base]) * 31
                + System.identityHashCode(memberNames[top - 1])
                + count)
            & (shapes.length - 1);
    Shape shape = shapes[slot];
    if (shape == null || !shape.isOf(memberNames, base, count)) {
      shape = Shape.of(memberNames, base, count);
      shapes[slot] = shape;
    }
    if (shape.order == null) {
      return false;
    }
    int written = out.length - firstMember;
    if (scratch.length < written) {
      scratch = new byte[Math.max(written, scratch.length * 2)];
    }
    System.arraycopy(out.bytes, firstMember, scratch, 0, written);
    int at = firstMember;
    for (int k = 0; k < count; k++) {
      int member = base + shape.order[k];
      if (k + 1 < count && memberNames[base + shape.order[k + 1]].equals(memberNames[member])) {
        continue; // the stable sort keeps a name's later value after its earlier
      }
      if (at > firstMember) {
        out.bytes[at++] = ',';
      }
      int length = memberEnds[member] - memberStarts[member];
      System.arraycopy(scratch, memberStarts[member] - firstMember, out.bytes, at, length);
      at += length;
    }
    out.length = at;
    return shape.repeated;
  }

  /** An object's names in the order received, and the order they sort into. */
  private static final class Shape {
    private final String[] names;

    /** Received positions in name order (stable); null when the names are in order already. */
    private final int[] order;

    private final boolean repeated;

    private Shape(String[] names, int[] order, boolean repeated) {
      this.names = names;
      this.order = order;
      this.repeated = repeated;
    }

    static Shape of(String[] names, int base, int count) {
      int[] order = new int[count];
      boolean moved = false;
      boolean repeated = false;
      for (int k = 0; k < count; k++) {
        String name = names[base + k];
        int j = k - 1;
        int comparison;
        while (j >= 0 && (comparison = names[base + order[j]].compareTo(name)) >= 0) {
          if (comparison == 0) {
            repeated = true; // the earlier member is dropped when written
            break;
          }
          order[j + 1] = order[j];
          j--;
          moved = true;
        }
        order[j + 1] = k;
      }
      return new Shape(
          Arrays.copyOfRange(names, base, base + count),
          moved || repeated ? order : null,
          repeated);
    }

    boolean isOf(String[] others, int base, int count) {
      if (names.length != count) {
        return false;
      }
      for (int k = 0; k < count; k++) {
        if (names[k] != others[base + k]) {
          return false;
        }
      }
      return true;
    }
  }

  private void push(String name, int start, int stop) {
    if (top == memberNames.length) {
      memberNames = Arrays.copyOf(memberNames, top * 2);
      memberStarts = Arrays.copyOf(memberStarts, top * 2);
      memberEnds = Arrays.copyOf(memberEnds, top * 2);
    }
    memberNames[top] = name;
    memberStarts[top] = start;
    memberEnds[top++] = stop;
  }

  /**
   * A string at {@code pos} (its opening quote).
   *
   * @param name whether it is a member's name. Names and short texts recur from body to body
   *     (member names, types, states, the call's URL), so one string is kept per text, with its
   *     hash, which the readers' look-ups use, instead of one made each time
   */
  private String string(boolean name) {
    int start = ++pos;
    char[] chars = in;
    int limit = end;
    int all = 0;
    for (int i = start; i < limit; i++) {
      char c = chars[i];
      if (c == '"') {
        pos = i + 1;
        String text =
            (name || i - start <= 64) && all < 0x80
                ? known(chars, start, i, name)
                : new String(chars, start, i - start);
        if (canonical) {
          if (all < 0x80) {
            out.quotePrintableAscii(text);
          } else {
            out.quote(chars, start, i);
          }
        }
        return text;
      }
      if (c == '\\') {
        String text = escaped(start, i);
        if (canonical) {
          out.quote(text);
        }
        return text;
      }
      if (c < 0x20) {
        throw DECLINED;
      }
      all |= c;
    }
    throw DECLINED;
  }

  /**
   * The text {@code chars[start, stop)}, printable ASCII: the string kept for it, or one made and
   * kept. A name is interned, so that the readers' look-ups of the names they know find it by
   * identity; a value is not (a sender chooses values).
   */
  private String known(char[] chars, int start, int stop, boolean name) {
    int length = stop - start;
    if (length == 0) {
      return "";
    }
    int slot =
        (length * 31 + chars[start] * 7 + chars[start + length / 2] * 3 + chars[stop - 1])
            & (names.length - 1);
    char[] kept = nameChars[slot];
    if (kept != null && Arrays.equals(kept, 0, kept.length, chars, start, stop)) {
      return names[slot];
    }
    String made = new String(chars, start, length);
    if (name) {
      made = made.intern();
    }
    names[slot] = made;
    nameChars[slot] = Arrays.copyOfRange(chars, start, stop);
    return made;
  }

  /** The rest of a string from its first escape at {@code from}. */
  private String escaped(int start, int from) {
    decoded.setLength(0);
    decoded.append(in, start, from - start);
    int i = from;
    while (i < end) {
      char c = in[i++];
      if (c == '"') {
        pos = i;
        return decoded.toString();
      }
      if (c < 0x20) {
        throw DECLINED;
      }
      if (c != '\\') {
        decoded.append(c);
        continue;
      }
      if (i == end) {
        throw DECLINED;
      }
      char escape = in[i++];
      switch (escape) {
        case '"':
        case '\\':
        case '/':
          decoded.append(escape);
          break;
        case 'b':
          decoded.append('\b');
          break;
        case 'f':
          decoded.append('\f');
          break;
        case 'n':
          decoded.append('\n');
          break;
        case 'r':
          decoded.append('\r');
          break;
        case 't':
          decoded.append('\t');
          break;
        case 'u':
          if (end - i < 4) {
            throw DECLINED;
          }
          int unit = 0;
          for (int k = 0; k < 4; k++) {
            unit = unit << 4 | hexDigit(in[i++]);
          }
          decoded.append((char) unit);
          break;
        default:
          throw DECLINED;
      }
    }
    throw DECLINED;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw DECLINED;
  }

  /**
   * An integer of up to 18 digits, as Jackson's tree keeps it: an int when it fits, else a long;
   * its text the value's ({@code -0} is {@code 0}).
   */
  private JsonValue integer() {
    int i = pos;
    boolean negative = i < end && in[i] == '-';
    if (negative) {
      i++;
    }
    int digitsFrom = i;
    long value = 0;
    while (i < end && in[i] >= '0' && in[i] <= '9') {
      value = value * 10 + (in[i] - '0');
      i++;
    }
    int digits = i - digitsFrom;
    if (digits == 0 || digits > 18 || (digits > 1 && in[digitsFrom] == '0')) {
      throw DECLINED;
    }
    if (i < end && (in[i] == '.' || in[i] == 'e' || in[i] == 'E')) {
      throw DECLINED;
    }
    pos = i;
    if (negative) {
      value = -value;
    }
    String text = Long.toString(value);
    if (canonical) {
      out.plain(text);
    }
    return new JsonValue.Scalar(
        value == (int) value ? JsonValue.Kind.INT : JsonValue.Kind.LONG, text);
  }

  private JsonValue literal(String text, JsonValue.Scalar value) {
    if (end - pos < text.length()) {
      throw DECLINED;
    }
    for (int k = 0; k < text.length(); k++) {
      if (in[pos + k] != text.charAt(k)) {
        throw DECLINED;
      }
    }
    pos += text.length();
    if (canonical) {
      out.plain(text);
    }
    return value;
  }

  private char peek() {
    if (pos >= end) {
      throw DECLINED;
    }
    return in[pos];
  }

  private void skipSpace() {
    while (pos < end) {
      char c = in[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }
}
