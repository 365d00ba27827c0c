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
      return new ResourcePath(Optional.empty(), Kind.NONE, Optional.empty());
    }
    Optional<String> callId = Optional.of(segments.get(calls + 1));
    List<String> rest = segments.subList(calls + 2, segments.size());
    if (rest.isEmpty()) {
      return new ResourcePath(callId, Kind.CALL, Optional.empty());
    }
    Optional<String> sub = rest.size() > 1 ? Optional.of(rest.get(1)) : Optional.empty();
    switch (rest.get(0)) {
      case "operations":
        return new ResourcePath(callId, Kind.OPERATION, sub);
      case "participants":
        return new ResourcePath(callId, Kind.PARTICIPANTS, sub);
      default:
        return new ResourcePath(callId, Kind.OTHER, sub);
    }
  }
}
