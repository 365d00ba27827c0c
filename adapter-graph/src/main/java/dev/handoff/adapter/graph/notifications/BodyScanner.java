package dev.handoff.adapter.graph.notifications;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a notification body in one pass over its UTF-8 bytes into the tree {@link JsonValue#read}
 * builds from Jackson's tokens, and derives the event id of each object item of the top-level
 * {@code value} array while it reads it ({@link JsonValue.Members#contentId()}).
 *
 * <p>An item as Graph sends it is compact (no white space) and, once each object's members are put
 * in name order, its own canonical form ({@link EventIds}): its strings are quoted as the canonical
 * form quotes them and its numbers written as their text. So the scanner puts each object's members
 * in name order in place, in its own copy of the bytes, as the object ends, and hashes the item's
 * bytes as they stand when it ends: nothing is written a second time. An item that is not its own
 * canonical form (white space between its tokens, an escape the canonical form writes otherwise, a
 * negative zero, a name given twice) gets no id here; the parser derives it from the tree.
 *
 * <p>It reads the plain JSON notification bodies are made of, and declines (returns null) anything
 * else: a number with a fraction or an exponent or more than 18 digits, white space, escapes or
 * literals JSON does not define, a control character in a string, a lone surrogate, a name over
 * 1,022 bytes, nesting deeper than 64, a body over a million characters, malformed text, content
 * after the value, an empty body. The parser then reads the body with Jackson's tokenizer, which
 * reads or refuses it, with its own message, exactly as it always has. So nothing is read here that
 * Jackson would refuse, and nothing is read differently: the tree and the ids are those of that
 * path.
 *
 * <p>Not thread-safe; {@link #read} uses one instance per thread.
 */
final class BodyScanner {
  private static final int MAX_CHARS = 1 << 20;
  private static final int MAX_NAME = 1024;
  private static final int MAX_DEPTH = 64;
  private static final int MAX_KEPT = 64 * 1024;
  private static final int MAX_SHORT_TEXT = 64;

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

  /** The body's UTF-8 bytes, this scanner's own: objects of an item are put in name order here. */
  private byte[] in;

  private int pos;
  private int end;

  /**
   * The body as given when each of its characters is one byte of {@link #in}; a {@code ?} there may
   * then stand for a lone surrogate, which UTF-8 cannot carry. Null otherwise.
   */
  private String bodyText;

  /** Whether the bytes read now belong to an item of the {@code value} array. */
  private boolean inItem;

  /**
   * Whether the item being read is, so far, its own canonical form once its objects are ordered.
   */
  private boolean verbatim;

  /** The members of the item's objects being read: a stack, innermost object on top. */
  private String[] memberNames = new String[32];

  private int[] memberStarts = new int[32];
  private int[] memberEnds = new int[32];
  private int top;

  /**
   * Names and short texts seen, by a hash of their bytes; one that collides replaces another. At
   * most 256 of at most 64 (or, for names, 1,024) characters: a sender cannot make it grow.
   */
  private final String[] texts = new String[256];

  private final byte[][] textBytes = new byte[256][];

  /** The values read for the kept texts, as a string and as a number (scalars do not change). */
  private final JsonValue.Scalar[] keptStrings = new JsonValue.Scalar[256];

  private final JsonValue.Scalar[] keptNumbers = new JsonValue.Scalar[256];

  /** The slot of the text read last when it is kept; -1 when it is not. */
  private int keptSlot;

  /** Name orders seen, by a hash of the names' identities; one that collides replaces another. */
  private final Shape[] shapes = new Shape[64];

  private byte[] scratch = new byte[1024];
  private final StringBuilder decoded = new StringBuilder();

  private BodyScanner() {}

  /**
   * @param body a notification body
   * @return its tree, each object item of the top-level {@code value} array that is its own
   *     canonical form carrying its event id; null when the body is left to Jackson
   */
  static JsonValue read(String body) {
    if (body.length() > MAX_CHARS) {
      return null;
    }
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    boolean oneBytePerChar = utf8.length == body.length();
    if (!oneBytePerChar && hasLoneSurrogate(body)) {
      return null;
    }
    BodyScanner scanner = SCANNERS.get();
    try {
      return scanner.scan(utf8, oneBytePerChar ? body : null);
    } catch (Declined declined) {
      return null;
    } finally {
      scanner.in = null;
      scanner.bodyText = null;
      if (scanner.scratch.length > MAX_KEPT || scanner.decoded.capacity() > MAX_KEPT) {
        // an unusually large object or string: do not keep its copy for the thread's life
        SCANNERS.remove();
      }
    }
  }

  private static boolean hasLoneSurrogate(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < body.length()
          && Character.isLowSurrogate(body.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private JsonValue scan(byte[] utf8, String body) {
    in = utf8;
    bodyText = body;
    pos = 0;
    end = utf8.length;
    top = 0;
    inItem = false;
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
        String text = string(false);
        return keptSlot < 0
            ? new JsonValue.Scalar(JsonValue.Kind.STRING, text)
            : kept(keptStrings, JsonValue.Kind.STRING, text);
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
    if (opensEmpty('{', '}', depth)) {
      return object;
    }
    int firstMember = pos;
    do {
      if (peek() != '"') {
        throw DECLINED;
      }
      int memberStart = pos;
      String name = string(true);
      if (pos - memberStart > MAX_NAME) {
        throw DECLINED;
      }
      skipSpace();
      if (peek() != ':') {
        throw DECLINED;
      }
      pos++;
      skipSpace();
      boolean items = depth == 1 && peek() == '[' && name.equals("value");
      JsonValue value = items ? array(depth + 1, true) : value(depth);
      if (inItem) {
        object.append(name, value); // a name given twice is found while ordering the names
        push(name, memberStart, pos);
      } else {
        object.put(name, value);
      }
    } while (!closesAfterValue('}'));
    if (inItem && inNameOrder(base, firstMember)) {
      object.keepLastOfRepeatedNames();
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
    skipSpace();
    if (peek() != close) {
      return false;
    }
    pos++;
    return true;
  }

  /**
   * Reads what follows a member or an element: a comma or the container's closing character.
   *
   * @return whether it was the closing character
   */
  private boolean closesAfterValue(char close) {
    skipSpace();
    byte next = peek();
    pos++;
    if (next == close) {
      return true;
    }
    if (next != ',') {
      throw DECLINED;
    }
    skipSpace();
    return false;
  }

  private JsonValue.Members item(int depth) {
    int start = pos;
    inItem = true;
    verbatim = true;
    JsonValue.Members item = object(depth + 1);
    inItem = false;
    if (verbatim) {
      item.contentId(EventIds.of(in, start, pos));
    }
    return item;
  }

  /**
   * Finds a name given twice and, while the item is still its own canonical form, puts the object's
   * members, read at {@code [firstMember, pos - 1)}, in name order in place.
   *
   * @return whether a name was given twice (the tree then keeps the last value; the item is no
   *     longer its own canonical form, which drops the earlier)
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
    if (shape.repeated) {
      verbatim = false;
      return true;
    }
    if (shape.order == null || !verbatim) {
      return false;
    }
    // Compact: the members are separated by single commas, and ordering them keeps the length.
    int length = pos - 1 - firstMember;
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
    System.arraycopy(in, firstMember, scratch, 0, length);
    int at = firstMember;
    for (int k = 0; k < count; k++) {
      int member = base + shape.order[k];
      if (k > 0) {
        in[at++] = ',';
      }
      int size = memberEnds[member] - memberStarts[member];
      System.arraycopy(scratch, memberStarts[member] - firstMember, in, at, size);
      at += size;
    }
    return false;
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
            repeated = true;
            break;
          }
          order[j + 1] = order[j];
          j--;
          moved = true;
        }
        order[j + 1] = k;
      }
      return new Shape(
          Arrays.copyOfRange(names, base, base + count), moved ? order : null, repeated);
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
    keptSlot = -1;
    int start = ++pos;
    byte[] bytes = in;
    int limit = end;
    boolean ascii = true;
    int i = start;
    while (true) {
      i = nextSpecial(bytes, i, limit);
      if (i >= limit) {
        throw DECLINED;
      }
      byte c = bytes[i];
      if (c == '"') {
        pos = i + 1;
        if (!ascii) {
          return new String(bytes, start, i - start, StandardCharsets.UTF_8);
        }
        return name || i - start <= MAX_SHORT_TEXT
            ? known(bytes, start, i, name)
            : new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (c == '\\') {
        return escaped(start, i);
      }
      if (c >= 0 && c < 0x20) {
        throw DECLINED;
      }
      if (c < 0) {
        ascii = false; // a byte of a character beyond ASCII
      } else {
        mayBeALoneSurrogate(i);
      }
      i++;
    }
  }

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * The first position from {@code i} that holds a quote, a backslash, a control character, a byte
   * beyond ASCII or a {@code ?}; {@code limit} when there is none. Eight bytes at a time: a byte
   * flagged below is one of these or comes after one, so the lowest flag is the first.
   */
  private static int nextSpecial(byte[] bytes, int i, int limit) {
    while (i + Long.BYTES <= limit) {
      long word = (long) WORDS.get(bytes, i);
      long flags =
          zeroBytes(word ^ 0x2222222222222222L) // "
              | zeroBytes(word ^ 0x5c5c5c5c5c5c5c5cL) // backslash
              | zeroBytes(word ^ 0x3f3f3f3f3f3f3f3fL) // ?
              | ((word - 0x2020202020202020L) & ~word) // below 0x20
              | word; // 0x80 and above
      flags &= HIGH_BITS;
      if (flags != 0) {
        return i + (Long.numberOfTrailingZeros(flags) >>> 3);
      }
      i += Long.BYTES;
    }
    while (i < limit) {
      byte c = bytes[i];
      if (c == '"' || c == '\\' || c < 0x20 || c == '?') {
        return i;
      }
      i++;
    }
    return limit;
  }

  /** The high bit of each byte of {@code word} that is zero, and maybe of bytes after one. */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word;
  }

  /** A {@code ?} in the bytes of a body given as text stands for a lone surrogate, or is one. */
  private void mayBeALoneSurrogate(int at) {
    if (bodyText != null && bodyText.charAt(at) != '?') {
      throw DECLINED;
    }
  }

  /**
   * The text {@code bytes[start, stop)}, ASCII: the string kept for it, or one made and kept. A
   * name is interned, so that the readers' look-ups of the names they know find it by identity; a
   * value is not (a sender chooses values).
   */
  private String known(byte[] bytes, int start, int stop, boolean name) {
    int length = stop - start;
    if (length == 0) {
      keptSlot = -1;
      return "";
    }
    int slot =
        (length * 31 + bytes[start] * 7 + bytes[start + length / 2] * 3 + bytes[stop - 1])
            & (texts.length - 1);
    byte[] kept = textBytes[slot];
    keptSlot = slot;
    if (kept != null && Arrays.equals(kept, 0, kept.length, bytes, start, stop)) {
      return texts[slot];
    }
    String made = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    if (name) {
      made = made.intern();
    }
    texts[slot] = made;
    textBytes[slot] = Arrays.copyOfRange(bytes, start, stop);
    keptStrings[slot] = null;
    keptNumbers[slot] = null;
    return made;
  }

  /**
   * The rest of a string from its first escape at {@code from}. The canonical form escapes the
   * quote and the backslash as {@code \"} and {@code \\}, and a control character as {@code \\u00}
   * and two hex digits in lower case; any other escape makes the item differ from it.
   */
  private String escaped(int start, int from) {
    decoded.setLength(0);
    int run = start;
    int i = from;
    while (i < end) {
      byte c = in[i];
      if (c == '"') {
        appendRun(run, i);
        pos = i + 1;
        return decoded.toString();
      }
      if (c >= 0 && c < 0x20) {
        throw DECLINED;
      }
      if (c == '?') {
        mayBeALoneSurrogate(i);
      }
      if (c != '\\') {
        i++;
        continue;
      }
      appendRun(run, i);
      if (++i == end) {
        throw DECLINED;
      }
      byte escape = in[i++];
      switch (escape) {
        case '"':
        case '\\':
          decoded.append((char) escape);
          break;
        case '/':
          decoded.append('/');
          verbatim = false;
          break;
        case 'b':
          decoded.append('\b');
          verbatim = false;
          break;
        case 'f':
          decoded.append('\f');
          verbatim = false;
          break;
        case 'n':
          decoded.append('\n');
          verbatim = false;
          break;
        case 'r':
          decoded.append('\r');
          verbatim = false;
          break;
        case 't':
          decoded.append('\t');
          verbatim = false;
          break;
        case 'u':
          if (end - i < 4) {
            throw DECLINED;
          }
          int unit = 0;
          for (int k = 0; k < 4; k++) {
            unit = unit << 4 | hexDigit(in[i + k]);
          }
          if (!(unit < 0x20
              && in[i] == '0'
              && in[i + 1] == '0'
              && in[i + 2] == CanonicalJson.HEX_DIGITS[unit >> 4]
              && in[i + 3] == CanonicalJson.HEX_DIGITS[unit & 0xf])) {
            verbatim = false;
          }
          i += 4;
          decoded.append((char) unit);
          break;
        default:
          throw DECLINED;
      }
      run = i;
    }
    throw DECLINED;
  }

  /** Appends {@code in[from, to)}, characters without an escape, decoded. */
  private void appendRun(int from, int to) {
    for (int i = from; i < to; i++) {
      if (in[i] < 0) {
        decoded.append(new String(in, i, to - i, StandardCharsets.UTF_8));
        return;
      }
      decoded.append((char) in[i]);
    }
  }

  private static int hexDigit(byte c) {
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
   * its text the value's ({@code -0} is {@code 0}, which makes an item differ from its canonical
   * form).
   */
  private JsonValue integer() {
    int from = pos;
    int i = from;
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
    if (negative && value == 0) {
      verbatim = false;
      return new JsonValue.Scalar(JsonValue.Kind.INT, "0");
    }
    String text = known(in, from, i, false); // at most 19 characters
    long signed = negative ? -value : value;
    return kept(
        keptNumbers, signed == (int) signed ? JsonValue.Kind.INT : JsonValue.Kind.LONG, text);
  }

  /** The scalar kept for the text read last (its slot is {@link #keptSlot}), made once. */
  private JsonValue.Scalar kept(JsonValue.Scalar[] scalars, JsonValue.Kind kind, String text) {
    if (scalars[keptSlot] == null) {
      scalars[keptSlot] = new JsonValue.Scalar(kind, text);
    }
    return scalars[keptSlot];
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
    return value;
  }

  private byte peek() {
    if (pos >= end) {
      throw DECLINED;
    }
    return in[pos];
  }

  /** Skips white space; inside an item, white space makes it differ from its canonical form. */
  private void skipSpace() {
    if (pos < end && in[pos] > ' ') {
      return;
    }
    int i = pos;
    while (i < end) {
      byte c = in[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      i++;
    }
    if (i != pos) {
      verbatim = false;
      pos = i;
    }
  }
}
