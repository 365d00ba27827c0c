package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ACS rules the schema cannot express: custom calling context limits (how-to "custom context":
 * up to 5 custom SIP headers plus User-To-User, keys up to 64 characters, SIP values up to 256,
 * VoIP headers up to 1000 with values up to 1024, restricted character sets) and callback URIs.
 */
final class AcsRules {

  static final int MAX_CUSTOM_SIP_HEADERS = 5;
  static final int MAX_KEY_LENGTH = 64;
  static final int MAX_SIP_VALUE_LENGTH = 256;
  static final int MAX_VOIP_HEADERS = 1000;
  static final int MAX_VOIP_VALUE_LENGTH = 1024;
  static final int MAX_CALL_TOPIC_LENGTH = 48;

  private static final Pattern SIP_KEY = Pattern.compile("^[A-Za-z0-9.!%*_+~-]+$");
  private static final Pattern SIP_VALUE = Pattern.compile("^[A-Za-z0-9=;.!%*_+~-]*$");

  private AcsRules() {}

  /** Checks a {@code CustomCallingContext} that passed schema validation. */
  static void checkCustomCallingContext(JsonNode context, String path) {
    JsonNode sip = context.path("sipHeaders");
    if (sip.isObject()) {
      int custom = 0;
      for (Map.Entry<String, JsonNode> header : sip.properties()) {
        String key = header.getKey();
        String value = header.getValue().asText();
        String keyPath = path + ".sipHeaders['" + key + "']";
        boolean uui = key.equalsIgnoreCase("User-To-User");
        if (!uui && !key.toUpperCase(Locale.ROOT).startsWith("X-")) {
          throw AcsException.invalid(
              keyPath,
              "is not a supported SIP header: use User-To-User or an X-MS-Custom- / X- header");
        }
        if (!uui && ++custom > MAX_CUSTOM_SIP_HEADERS) {
          throw AcsException.invalid(
              path + ".sipHeaders",
              "has more than " + MAX_CUSTOM_SIP_HEADERS + " custom SIP headers");
        }
        if (key.length() > MAX_KEY_LENGTH) {
          throw AcsException.invalid(keyPath, "is longer than " + MAX_KEY_LENGTH + " characters");
        }
        if (!SIP_KEY.matcher(key).matches()) {
          throw AcsException.invalid(
              keyPath, "contains characters not allowed in a SIP header name");
        }
        if (value.length() > MAX_SIP_VALUE_LENGTH) {
          throw AcsException.invalid(
              keyPath, "has a value longer than " + MAX_SIP_VALUE_LENGTH + " characters");
        }
        if (!SIP_VALUE.matcher(value).matches()) {
          throw AcsException.invalid(
              keyPath, "has a value with characters not allowed in a SIP header");
        }
      }
    }
    JsonNode voip = context.path("voipHeaders");
    if (voip.isObject()) {
      if (voip.size() > MAX_VOIP_HEADERS) {
        throw AcsException.invalid(
            path + ".voipHeaders", "has more than " + MAX_VOIP_HEADERS + " headers");
      }
      for (Map.Entry<String, JsonNode> header : voip.properties()) {
        String keyPath = path + ".voipHeaders['" + header.getKey() + "']";
        if (header.getKey().isEmpty() || header.getKey().length() > MAX_KEY_LENGTH) {
          throw AcsException.invalid(
              keyPath, "must have a name of 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (header.getValue().asText().length() > MAX_VOIP_VALUE_LENGTH) {
          throw AcsException.invalid(
              keyPath, "has a value longer than " + MAX_VOIP_VALUE_LENGTH + " characters");
        }
      }
    }
    JsonNode topic = context.path("teamsPhoneCallDetails").path("callTopic");
    if (topic.isTextual() && topic.asText().length() > MAX_CALL_TOPIC_LENGTH) {
      throw AcsException.invalid(
          path + ".teamsPhoneCallDetails.callTopic",
          "is longer than " + MAX_CALL_TOPIC_LENGTH + " characters");
    }
  }

  /** Checks a callback URI: absolute, {@code https} (or {@code http} for local receivers). */
  static String checkCallbackUri(String uri, String path) {
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!parsed.isAbsolute()
          || parsed.getHost() == null
          || !(scheme.equals("https") || scheme.equals("http"))) {
        throw AcsException.invalid(path, "must be an absolute https URI");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw AcsException.invalid(path, "is not a valid URI");
    }
  }
}
