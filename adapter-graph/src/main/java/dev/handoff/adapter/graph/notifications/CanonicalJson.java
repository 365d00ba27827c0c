package dev.handoff.adapter.graph.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The UTF-8 bytes of an item's canonical JSON (see {@link EventIds}), written straight into one
 * growing array that the digest then reads. Strings are JSON-quoted (the quote and the backslash
 * escaped, control characters as four-hex-digit escapes in lower case); the bytes are those of
 * {@code String.getBytes(UTF_8)} of the canonical text, so a lone surrogate becomes {@code ?}, as
 * it did when the text was built as a string.
 */
final class CanonicalJson {
  /** Lower-case hex digits, as the canonical form writes them. */
  static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  byte[] bytes = new byte[2048];
  int length;

  /** A character the canonical form keeps as it is: one byte. */
  void ascii(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
  }

  /** Text of ASCII characters that need no escape (a number, a truth value). */
  void plain(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
  }

  /** A string, quoted. */
  void quote(String text) {
    int to = text.length();
    ensure(to * 6 + 2); // the most a character takes: a six-character escape
    byte[] out = bytes;
    int at = length;
    out[at++] = '"';
    for (int i = 0; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          out[at++] = (byte) c;
        } else if (c >= 0x20) {
          out[at++] = '\\';
          out[at++] = (byte) c;
        } else {
          out[at++] = '\\';
          out[at++] = 'u';
          out[at++] = '0';
          out[at++] = '0';
          out[at++] = HEX_DIGITS[c >> 4];
          out[at++] = HEX_DIGITS[c & 0xf];
        }
      } else if (c < 0x800) {
        out[at++] = (byte) (0xc0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        out[at++] = (byte) (0xf0 | (cp >> 18));
        out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        out[at++] = '?'; // what String.getBytes(UTF_8) writes for a lone surrogate
      } else {
        out[at++] = (byte) (0xe0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[at++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    out[at++] = '"';
    length = at;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
