package dev.handoff.emulator.control;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * What a transfer or invitation target does when it rings. JSON: {@code {"kind":"decline"}} or
 * {@code {"kind":"fail","code":500,"subCode":8500,"message":"..."}}.
 *
 * @param kind what happens
 * @param code for {@link Kind#FAIL}: the result code (SIP-like, e.g. 500); otherwise ignored
 * @param subCode for {@link Kind#FAIL}: the subcode; otherwise ignored
 * @param message for {@link Kind#FAIL}: the result message; {@code null} for a generated one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(Kind kind, Integer code, Integer subCode, String message) {

  /** Validates the combination. */
  public Outcome {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.FAIL && (code == null || subCode == null)) {
      throw new IllegalArgumentException("outcome 'fail' needs a code and a subCode");
    }
  }

  /** The target answers; the operation completes. */
  public static Outcome accept() {
    return new Outcome(Kind.ACCEPT, null, null, null);
  }

  /** The target declines (SIP 603). */
  public static Outcome decline() {
    return new Outcome(Kind.DECLINE, null, null, null);
  }

  /** The target is busy (SIP 486). */
  public static Outcome busy() {
    return new Outcome(Kind.BUSY, null, null, null);
  }

  /** The target never answers: the operation fails when the invitation times out. */
  public static Outcome noAnswer() {
    return new Outcome(Kind.NO_ANSWER, null, null, null);
  }

  /** Voicemail answers; ACS and Graph count that as success. */
  public static Outcome voicemail() {
    return new Outcome(Kind.VOICEMAIL, null, null, null);
  }

  /** The operation fails with the given result code, subcode and message. */
  public static Outcome fail(int code, int subCode, String message) {
    return new Outcome(Kind.FAIL, code, subCode, message);
  }

  /** Whether the target ends up connected (accept or voicemail). */
  public boolean succeeds() {
    return kind == Kind.ACCEPT || kind == Kind.VOICEMAIL;
  }

  /** The kinds of outcome. JSON values are lower camel case: {@code noAnswer}. */
  public enum Kind {
    /** Answer and complete. */
    ACCEPT("accept"),
    /** Decline. */
    DECLINE("decline"),
    /** Busy. */
    BUSY("busy"),
    /** No answer until the invitation times out. */
    NO_ANSWER("noAnswer"),
    /** Answered by voicemail. */
    VOICEMAIL("voicemail"),
    /** Fail with an explicit code. */
    FAIL("fail");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    /** The JSON name. */
    @JsonValue
    public String json() {
      return json;
    }

    /** Parses a JSON name (case-insensitive; {@code no_answer} also accepted). */
    @JsonCreator
    public static Kind parse(String value) {
      String normalized = value.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
      for (Kind kind : values()) {
        if (kind.json.toLowerCase(Locale.ROOT).equals(normalized)) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "unknown outcome kind '"
              + value
              + "' (accept, decline, busy, noAnswer, voicemail, fail)");
    }
  }
}
