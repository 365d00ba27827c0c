package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Validates Graph action bodies against the v1.0 (or beta) model of {@code transfer}, {@code
 * participants/invite} and {@code redirect}: unknown properties are refused as OData does, except
 * the ones Microsoft's own doc examples send ({@code endpointType}, {@code languageId}, {@code
 * region} in a target, {@code clientContext} on transfer, {@code routingPolicies} on redirect).
 */
final class GraphRequests {

  static final int MAX_CLIENT_CONTEXT = 256;
  static final int MAX_REDIRECT_TARGETS = 25;
  static final int MIN_REDIRECT_TIMEOUT = 15;
  static final int MAX_REDIRECT_TIMEOUT = 90;

  private static final Set<String> ENDPOINT_TYPES =
      Set.of(
          "default",
          "voicemail",
          "skypeForBusiness",
          "skypeForBusinessVoipPhone",
          "unknownFutureValue");
  private static final Set<String> INVITATION_FIELDS =
      Set.of(
          "@odata.type",
          "identity",
          "replacesCallId",
          "participantId",
          "hidden",
          "removeFromDefaultAudioRoutingGroup",
          "endpointType",
          "languageId",
          "region",
          "id");
  private static final Set<String> PARTICIPANT_INFO_FIELDS =
      Set.of(
          "@odata.type",
          "identity",
          "participantId",
          "endpointType",
          "languageId",
          "region",
          "countryCode");
  private static final Set<String> PARTICIPANT_INFO_BETA_FIELDS =
      Set.of("platformId", "nonAnonymizedIdentity");

  private GraphRequests() {}

  /** Checks a {@code transfer} body. */
  static void checkTransfer(JsonNode body, boolean beta) {
    object(body, "transfer");
    allowOnly(body, Set.of("transferTarget", "transferee", "clientContext"), "transfer", true);
    JsonNode target = required(body, "transferTarget");
    invitation(target, "transferTarget");
    if (present(body, "transferee")) {
      participantInfo(body.get("transferee"), "transferee", beta);
    }
    clientContext(body);
  }

  /** Checks a {@code participants/invite} body. */
  static void checkInvite(JsonNode body) {
    object(body, "invite");
    allowOnly(body, Set.of("participants", "clientContext"), "invite", true);
    JsonNode participants = required(body, "participants");
    if (!participants.isArray() || participants.isEmpty()) {
      throw GraphException.badRequest("Parameter 'participants' must be a non-empty array.");
    }
    for (int i = 0; i < participants.size(); i++) {
      invitation(participants.get(i), "participants[" + i + "]");
    }
    clientContext(body);
  }

  /** Checks a {@code redirect} body. */
  static void checkRedirect(JsonNode body, boolean beta) {
    object(body, "redirect");
    Set<String> allowed =
        beta
            ? Set.of(
                "targets",
                "timeout",
                "callbackUri",
                "routingPolicies",
                "maskCallee",
                "maskCaller",
                "targetDisposition")
            : Set.of("targets", "timeout", "callbackUri", "routingPolicies");
    allowOnly(body, allowed, "redirect", true);
    JsonNode targets = required(body, "targets");
    if (!targets.isArray() || targets.isEmpty()) {
      throw GraphException.badRequest("Parameter 'targets' must be a non-empty array.");
    }
    if (targets.size() > MAX_REDIRECT_TARGETS) {
      throw GraphException.invalid(
          "Parameter 'targets' has "
              + targets.size()
              + " entries; at most "
              + MAX_REDIRECT_TARGETS
              + " are allowed.");
    }
    for (int i = 0; i < targets.size(); i++) {
      invitation(targets.get(i), "targets[" + i + "]");
    }
    if (present(body, "timeout")) {
      JsonNode timeout = body.get("timeout");
      if (!timeout.isIntegralNumber() || !timeout.canConvertToInt()) {
        throw GraphException.badRequest("Parameter 'timeout' must be an Int32.");
      }
      int seconds = timeout.asInt();
      if (seconds < MIN_REDIRECT_TIMEOUT || seconds > MAX_REDIRECT_TIMEOUT) {
        throw GraphException.invalid(
            "Parameter 'timeout' is "
                + seconds
                + "; it must be between "
                + MIN_REDIRECT_TIMEOUT
                + " and "
                + MAX_REDIRECT_TIMEOUT
                + " seconds.");
      }
    }
    if (present(body, "callbackUri")) {
      callbackUri(string(body.get("callbackUri"), "callbackUri"), "callbackUri");
    }
    if (present(body, "routingPolicies")) {
      JsonNode policies = body.get("routingPolicies");
      if (!policies.isArray()) {
        throw GraphException.badRequest("Parameter 'routingPolicies' must be an array of strings.");
      }
      policies.forEach(p -> string(p, "routingPolicies[]"));
    }
    for (String flag : new String[] {"maskCallee", "maskCaller"}) {
      if (present(body, flag) && !body.get(flag).isBoolean()) {
        throw GraphException.badRequest("Parameter '" + flag + "' must be a Boolean.");
      }
    }
    if (present(body, "targetDisposition")
        && !Set.of("default", "simultaneousRing", "forward")
            .contains(string(body.get("targetDisposition"), "targetDisposition"))) {
      throw GraphException.badRequest(
          "Parameter 'targetDisposition' must be default, simultaneousRing or forward.");
    }
  }

  /** Checks a {@code POST /communications/calls} body: a peer-to-peer call to one target. */
  static void checkCreateCall(JsonNode body) {
    object(body, "create call");
    allowOnly(
        body,
        Set.of(
            "callbackUri",
            "targets",
            "requestedModalities",
            "mediaConfig",
            "source",
            "subject",
            "tenantId",
            "callOptions"),
        "create call",
        true);
    odataType(body, "", "#microsoft.graph.call");
    callbackUri(string(required(body, "callbackUri"), "callbackUri"), "callbackUri");
    JsonNode targets = required(body, "targets");
    if (!targets.isArray() || targets.size() != 1) {
      throw GraphException.badRequest(
          "Parameter 'targets' must name exactly one target for a peer-to-peer call.");
    }
    invitation(targets.get(0), "targets[0]");
    JsonNode modalities = required(body, "requestedModalities");
    if (!modalities.isArray() || modalities.isEmpty()) {
      throw GraphException.badRequest("Parameter 'requestedModalities' must be a non-empty array.");
    }
    for (JsonNode modality : modalities) {
      if (!Set.of("audio", "video", "videoBasedScreenSharing", "data", "unknown")
          .contains(string(modality, "requestedModalities[]"))) {
        throw GraphException.badRequest(
            "Parameter 'requestedModalities' has an unknown modality '" + modality.asText() + "'.");
      }
    }
    JsonNode media = required(body, "mediaConfig");
    String mediaType =
        string(
            required(media, "@odata.type", "mediaConfig.@odata.type"), "mediaConfig.@odata.type");
    if (!mediaType.equals("#microsoft.graph.serviceHostedMediaConfig")
        && !mediaType.equals("#microsoft.graph.appHostedMediaConfig")) {
      throw GraphException.badRequest(
          "Property 'mediaConfig.@odata.type' must be #microsoft.graph.serviceHostedMediaConfig"
              + " or #microsoft.graph.appHostedMediaConfig.");
    }
  }

  /** Checks a {@code startHoldMusic} body. */
  static void checkStartHoldMusic(JsonNode body) {
    object(body, "startHoldMusic");
    allowOnly(body, Set.of("customPrompt", "clientContext"), "startHoldMusic", false);
    if (present(body, "customPrompt")) {
      mediaPrompt(body.get("customPrompt"), "customPrompt");
    }
    clientContext(body);
  }

  /** Checks a {@code stopHoldMusic} body. */
  static void checkStopHoldMusic(JsonNode body) {
    object(body, "stopHoldMusic");
    allowOnly(body, Set.of("clientContext"), "stopHoldMusic", false);
    clientContext(body);
  }

  /** Checks a {@code playPrompt} body: 1 to 20 media prompts. */
  static void checkPlayPrompt(JsonNode body) {
    object(body, "playPrompt");
    allowOnly(body, Set.of("prompts", "clientContext"), "playPrompt", false);
    JsonNode prompts = required(body, "prompts");
    if (!prompts.isArray() || prompts.isEmpty() || prompts.size() > 20) {
      throw GraphException.badRequest("Parameter 'prompts' must be an array of 1 to 20 prompts.");
    }
    for (int i = 0; i < prompts.size(); i++) {
      mediaPrompt(prompts.get(i), "prompts[" + i + "]");
    }
    clientContext(body);
  }

  /** The audio file a {@code mediaPrompt} plays. */
  static String promptUri(JsonNode prompt) {
    return prompt.get("mediaInfo").get("uri").asText();
  }

  private static void mediaPrompt(JsonNode node, String path) {
    if (!node.isObject()) {
      throw GraphException.badRequest("Property '" + path + "' must be a mediaPrompt object.");
    }
    odataType(node, path, "#microsoft.graph.mediaPrompt");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("@odata.type") && !name.equals("mediaInfo")) {
        throw unknownProperty(name, "microsoft.graph.mediaPrompt");
      }
    }
    JsonNode info = required(node, "mediaInfo", path + ".mediaInfo");
    odataType(info, path + ".mediaInfo", "#microsoft.graph.mediaInfo");
    for (Iterator<String> it = info.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!Set.of("@odata.type", "uri", "resourceId").contains(name)) {
        throw unknownProperty(name, "microsoft.graph.mediaInfo");
      }
    }
    callbackUri(
        string(required(info, "uri", path + ".mediaInfo.uri"), path + ".mediaInfo.uri"),
        path + ".mediaInfo.uri");
  }

  /** Checks a callback URI: absolute {@code https} (or {@code http} for local receivers). */
  static String callbackUri(String uri, String path) {
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!parsed.isAbsolute()
          || parsed.getHost() == null
          || !(scheme.equals("https") || scheme.equals("http"))) {
        throw GraphException.invalid("Parameter '" + path + "' must be an absolute https URI.");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw GraphException.invalid("Parameter '" + path + "' is not a valid URI.");
    }
  }

  private static void invitation(JsonNode node, String path) {
    if (!node.isObject()) {
      throw GraphException.badRequest(
          "Property '" + path + "' must be an invitationParticipantInfo object.");
    }
    odataType(node, path, "#microsoft.graph.invitationParticipantInfo");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!INVITATION_FIELDS.contains(name)) {
        throw unknownProperty(name, "microsoft.graph.invitationParticipantInfo");
      }
    }
    GraphIdentities.check(required(node, "identity", path + ".identity"), path + ".identity");
    for (String name :
        new String[] {"replacesCallId", "participantId", "languageId", "region", "id"}) {
      if (present(node, name)) {
        string(node.get(name), path + "." + name);
      }
    }
    for (String name : new String[] {"hidden", "removeFromDefaultAudioRoutingGroup"}) {
      if (present(node, name) && !node.get(name).isBoolean()) {
        throw GraphException.badRequest("Property '" + path + "." + name + "' must be a Boolean.");
      }
    }
    endpointType(node, path);
  }

  private static void participantInfo(JsonNode node, String path, boolean beta) {
    if (!node.isObject()) {
      throw GraphException.badRequest("Property '" + path + "' must be a participantInfo object.");
    }
    odataType(node, path, "#microsoft.graph.participantInfo");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!PARTICIPANT_INFO_FIELDS.contains(name)
          && !(beta && PARTICIPANT_INFO_BETA_FIELDS.contains(name))) {
        throw unknownProperty(name, "microsoft.graph.participantInfo");
      }
    }
    if (!present(node, "identity") && !present(node, "participantId")) {
      throw GraphException.badRequest(
          "Property '" + path + "' needs an identity or a participantId.");
    }
    if (present(node, "identity")) {
      GraphIdentities.check(node.get("identity"), path + ".identity");
    }
    for (String name : new String[] {"participantId", "languageId", "region", "countryCode"}) {
      if (present(node, name)) {
        string(node.get(name), path + "." + name);
      }
    }
    endpointType(node, path);
  }

  private static void endpointType(JsonNode node, String path) {
    if (present(node, "endpointType")
        && !ENDPOINT_TYPES.contains(string(node.get("endpointType"), path + ".endpointType"))) {
      throw GraphException.badRequest(
          "Property '" + path + ".endpointType' must be one of " + ENDPOINT_TYPES + ".");
    }
  }

  private static void odataType(JsonNode node, String path, String expected) {
    JsonNode type = node.get("@odata.type");
    if (type != null && !type.isNull() && !expected.equals(type.asText())) {
      throw GraphException.badRequest(
          "Property '"
              + path
              + ".@odata.type' is '"
              + type.asText()
              + "' but must be "
              + expected
              + ".");
    }
  }

  private static void clientContext(JsonNode body) {
    if (present(body, "clientContext")) {
      String context = string(body.get("clientContext"), "clientContext");
      if (context.length() > MAX_CLIENT_CONTEXT) {
        throw GraphException.invalid(
            "Parameter 'clientContext' is longer than " + MAX_CLIENT_CONTEXT + " characters.");
      }
    }
  }

  private static void object(JsonNode body, String action) {
    if (!body.isObject()) {
      throw GraphException.badRequest(
          "The request body of '" + action + "' must be a JSON object.");
    }
  }

  private static void allowOnly(
      JsonNode body, Set<String> allowed, String action, boolean allowOdataType) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name) && !(allowOdataType && name.equals("@odata.type"))) {
        throw GraphException.badRequest(
            "The parameter '"
                + name
                + "' in the request payload is not a valid parameter for the operation '"
                + action
                + "'.");
      }
    }
  }

  private static JsonNode required(JsonNode node, String name) {
    return required(node, name, name);
  }

  private static JsonNode required(JsonNode node, String name, String path) {
    if (!present(node, name)) {
      throw GraphException.badRequest("Property '" + path + "' is required.");
    }
    return node.get(name);
  }

  private static boolean present(JsonNode node, String name) {
    return node.hasNonNull(name);
  }

  private static String string(JsonNode value, String path) {
    if (!value.isTextual()) {
      throw GraphException.badRequest("Property '" + path + "' must be a string.");
    }
    return value.asText();
  }

  private static GraphException unknownProperty(String name, String type) {
    return GraphException.badRequest(
        "The property '"
            + name
            + "' does not exist on type '"
            + type
            + "'. Make sure to only use property names that are defined by the type or mark the type as open type.");
  }
}
