package dev.handoff.adapter.graph.notifications;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a notification's {@code resourceUrl} (or legacy {@code resource}) points at. Accepts {@code
 * /communications/calls/{id}...}, the deprecated {@code /app/calls/{id}...}, the old {@code
 * /applications/{app}/calls/{id}...}, with or without a version prefix or a host.
 *
 * @param callId the call, when the URL names one
 * @param kind what under the call
 * @param subId the operation or participant id, when the URL names one
 */
record ResourcePath(Optional<String> callId, Kind kind, Optional<String> subId) {

  /** What the URL points at. */
  enum Kind {
    /** The call itself. */
    CALL,
    /** One of the call's operations. */
    OPERATION,
    /** The call's participants (or one of them). */
    PARTICIPANTS,
    /** Something else under the call. */
    OTHER,
    /** No call at all. */
    NONE
  }

  /** What an empty URL points at: nothing. */
  static final ResourcePath NONE = new ResourcePath(Optional.empty(), Kind.NONE, Optional.empty());

  /** Only an escape changes a segment: '+' is kept as it is (a path is no form). */
  private static String decode(String segment) {
    return segment.indexOf('%') < 0
        ? segment
        : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static ResourcePath parse(String url) {
    String path = url;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.indexOf('%') < 0) {
      return parsePlain(path);
    }
    List<String> segments = new ArrayList<>(8);
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      if (end > start) {
        segments.add(decode(path.substring(start, end)));
      }
      start = end + 1;
    }
    int calls = segments.indexOf("calls");
    if (calls < 0 || calls + 1 >= segments.size()) {
      return NONE;
    }
    List<String> rest = segments.subList(calls + 2, segments.size());
    return of(
        segments.get(calls + 1),
        rest.isEmpty() ? null : rest.get(0),
        rest.size() > 1 ? rest.get(1) : null);
  }

  /**
   * A path without escapes, the usual case: the same reading as above, without splitting the whole
   * path (only the segments from the first {@code calls} on are taken).
   */
  private static ResourcePath parsePlain(String path) {
    String[] wanted = new String[3]; // the call id, what under it, its id
    int found = -1; // -1 until the segment "calls"; then how many of wanted are taken
    int start = 0;
    int length = path.length();
    while (start <= length && found < wanted.length) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        if (found >= 0) {
          wanted[found++] = path.substring(start, end);
        } else if (end - start == 5 && path.startsWith("calls", start)) {
          found = 0;
        }
      }
      start = end + 1;
    }
    return found <= 0 ? NONE : of(wanted[0], wanted[1], wanted[2]);
  }

  private static ResourcePath of(String callId, String under, String subId) {
    if (under == null) {
      return new ResourcePath(Optional.of(callId), Kind.CALL, Optional.empty());
    }
    Optional<String> sub = Optional.ofNullable(subId);
    Optional<String> call = Optional.of(callId);
    switch (under) {
      case "operations":
        return new ResourcePath(call, Kind.OPERATION, sub);
      case "participants":
        return new ResourcePath(call, Kind.PARTICIPANTS, sub);
      default:
        return new ResourcePath(call, Kind.OTHER, sub);
    }
  }
}
