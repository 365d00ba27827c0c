package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ACS {@code CommunicationIdentifierModel}: parsed from requests with or without {@code kind}
 * (older SDKs omit it), and always rendered with {@code kind} and {@code rawId} (plus {@code cloud}
 * and {@code isAnonymous} for Teams users), because SDK 1.0.4 rejects responses that lack them.
 */
public sealed interface AcsIdentifier {

  /** The wire {@code kind} value. */
  String kind();

  /** The identifier's raw id, as the Azure communication-common libraries compute it. */
  String rawId();

  /** The natural id without prefix (ACS id, E.164 value, Entra object id, app id). */
  String naturalId();

  /** The {@code CommunicationIdentifierModel} JSON with kind, rawId and the one sub-object. */
  ObjectNode toJson();

  /** The strings a scripted outcome may be keyed by: the raw id and the natural id. */
  default List<String> matchKeys() {
    List<String> keys = new ArrayList<>(List.of(rawId()));
    if (!naturalId().equals(rawId())) {
      keys.add(naturalId());
    }
    return keys;
  }

  /** An Azure Communication Services user ({@code 8:acs:...}). */
  record CommunicationUser(String id) implements AcsIdentifier {
    @Override
    public String kind() {
      return "communicationUser";
    }

    @Override
    public String rawId() {
      return id;
    }

    @Override
    public String naturalId() {
      return id;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = header(this);
      node.putObject("communicationUser").put("id", id);
      return node;
    }
  }

  /** A phone number ({@code 4:+E164}). */
  record PhoneNumber(String value, boolean anonymous, String assertedId) implements AcsIdentifier {
    @Override
    public String kind() {
      return "phoneNumber";
    }

    @Override
    public String rawId() {
      if (anonymous) {
        return "4:anonymous";
      }
      return "4:" + value + (assertedId == null ? "" : "_" + assertedId);
    }

    @Override
    public String naturalId() {
      return value;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = header(this);
      ObjectNode phone = node.putObject("phoneNumber").put("value", value);
      if (anonymous) {
        phone.put("isAnonymous", true);
      }
      if (assertedId != null) {
        phone.put("assertedId", assertedId);
      }
      return node;
    }
  }

  /**
   * A Microsoft Teams user ({@code 8:orgid:}, {@code 8:dod:}, {@code 8:gcch:}, {@code
   * 8:teamsvisitor:}).
   */
  record TeamsUser(String userId, boolean anonymous, String cloud) implements AcsIdentifier {
    @Override
    public String kind() {
      return "microsoftTeamsUser";
    }

    @Override
    public String rawId() {
      if (anonymous) {
        return "8:teamsvisitor:" + userId;
      }
      return switch (cloud) {
        case "dod" -> "8:dod:" + userId;
        case "gcch" -> "8:gcch:" + userId;
        default -> "8:orgid:" + userId;
      };
    }

    @Override
    public String naturalId() {
      return userId;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = header(this);
      node.putObject("microsoftTeamsUser")
          .put("userId", userId)
          .put("isAnonymous", anonymous)
          .put("cloud", cloud);
      return node;
    }
  }

  /** A Microsoft Teams application, i.e. a bot ({@code 28:orgid:...}). */
  record TeamsApp(String appId, String cloud) implements AcsIdentifier {
    @Override
    public String kind() {
      return "microsoftTeamsApp";
    }

    @Override
    public String rawId() {
      return switch (cloud) {
        case "dod" -> "28:dod:" + appId;
        case "gcch" -> "28:gcch:" + appId;
        default -> "28:orgid:" + appId;
      };
    }

    @Override
    public String naturalId() {
      return appId;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = header(this);
      node.putObject("microsoftTeamsApp").put("appId", appId).put("cloud", cloud);
      return node;
    }
  }

  /** A Teams Phone extension user of an ACS resource ({@code 8:acs:<resource>_<tenant>_<user>}). */
  record TeamsExtensionUser(String userId, String tenantId, String resourceId, String cloud)
      implements AcsIdentifier {
    @Override
    public String kind() {
      return "teamsExtensionUser";
    }

    @Override
    public String rawId() {
      String prefix =
          switch (cloud) {
            case "dod" -> "8:dod-acs:";
            case "gcch" -> "8:gcch-acs:";
            default -> "8:acs:";
          };
      return prefix + resourceId + "_" + tenantId + "_" + userId;
    }

    @Override
    public String naturalId() {
      return userId;
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = header(this);
      node.putObject("teamsExtensionUser")
          .put("userId", userId)
          .put("tenantId", tenantId)
          .put("resourceId", resourceId)
          .put("cloud", cloud);
      return node;
    }
  }

  /** Anything else: only a raw id. */
  record Unknown(String rawId) implements AcsIdentifier {
    @Override
    public String kind() {
      return "unknown";
    }

    @Override
    public String naturalId() {
      return rawId;
    }

    @Override
    public ObjectNode toJson() {
      return header(this);
    }
  }

  private static ObjectNode header(AcsIdentifier id) {
    ObjectNode node = Json.object();
    node.put("kind", id.kind());
    node.put("rawId", id.rawId());
    return node;
  }

  /**
   * Parses a raw id the way the communication-common libraries do.
   *
   * @throws IllegalArgumentException for a blank raw id
   */
  static AcsIdentifier fromRawId(String rawId) {
    if (rawId == null || rawId.isBlank()) {
      throw new IllegalArgumentException("a raw id must not be blank");
    }
    if (rawId.startsWith("4:")) {
      String rest = rawId.substring(2);
      if (rest.equals("anonymous")) {
        return new PhoneNumber("anonymous", true, null);
      }
      int underscore = rest.lastIndexOf('_');
      return underscore > 0
          ? new PhoneNumber(rest.substring(0, underscore), false, rest.substring(underscore + 1))
          : new PhoneNumber(rest, false, null);
    }
    for (String[] teams :
        new String[][] {{"8:orgid:", "public"}, {"8:dod:", "dod"}, {"8:gcch:", "gcch"}}) {
      if (rawId.startsWith(teams[0])) {
        return new TeamsUser(rawId.substring(teams[0].length()), false, teams[1]);
      }
    }
    if (rawId.startsWith("8:teamsvisitor:")) {
      return new TeamsUser(rawId.substring("8:teamsvisitor:".length()), true, "public");
    }
    for (String[] app :
        new String[][] {{"28:orgid:", "public"}, {"28:dod:", "dod"}, {"28:gcch:", "gcch"}}) {
      if (rawId.startsWith(app[0])) {
        return new TeamsApp(rawId.substring(app[0].length()), app[1]);
      }
    }
    for (String[] acs :
        new String[][] {
          {"8:acs:", "public"},
          {"8:spool:", "public"},
          {"8:dod-acs:", "dod"},
          {"8:gcch-acs:", "gcch"}
        }) {
      if (rawId.startsWith(acs[0])) {
        String[] parts = rawId.substring(acs[0].length()).split("_", -1);
        if (parts.length == 3 && !acs[0].equals("8:spool:")) {
          return new TeamsExtensionUser(parts[2], parts[1], parts[0], acs[1]);
        }
        return new CommunicationUser(rawId);
      }
    }
    return new Unknown(rawId);
  }

  /**
   * Reads a {@code CommunicationIdentifierModel} that already passed schema validation, applying
   * the rule the schema states only in words: apart from kind and rawId at most one sub-object,
   * which must match kind. Without a sub-object the raw id decides the kind.
   *
   * @param path the JSON path of the model, for error messages
   * @throws AcsException 400/8523 naming the field when the rule is broken
   */
  static AcsIdentifier fromModel(JsonNode node, String path) {
    List<String> present = new ArrayList<>();
    for (String name :
        List.of(
            "communicationUser",
            "phoneNumber",
            "microsoftTeamsUser",
            "microsoftTeamsApp",
            "teamsExtensionUser")) {
      if (node.hasNonNull(name)) {
        present.add(name);
      }
    }
    String kind = node.hasNonNull("kind") ? node.get("kind").asText() : null;
    String rawId = node.hasNonNull("rawId") ? node.get("rawId").asText() : null;
    if (present.size() > 1) {
      throw AcsException.invalid(
          path, "carries " + present + "; an identifier has exactly one identifier object");
    }
    AcsIdentifier identifier;
    if (present.isEmpty()) {
      if (kind != null && !kind.equals("unknown")) {
        throw AcsException.invalid(path, "has kind '" + kind + "' but no '" + kind + "' object");
      }
      if (rawId == null || rawId.isBlank()) {
        throw AcsException.invalid(path, "needs an identifier object or a rawId");
      }
      return fromRawId(rawId);
    }
    String which = present.get(0);
    if (kind != null && !kind.equals(which)) {
      throw AcsException.invalid(
          path + ".kind", "is '" + kind + "' but the identifier object is '" + which + "'");
    }
    JsonNode sub = node.get(which);
    identifier =
        switch (which) {
          case "communicationUser" -> new CommunicationUser(sub.get("id").asText());
          case "phoneNumber" -> phone(sub);
          case "microsoftTeamsUser" ->
              new TeamsUser(
                  sub.get("userId").asText(), sub.path("isAnonymous").asBoolean(false), cloud(sub));
          case "microsoftTeamsApp" -> new TeamsApp(sub.get("appId").asText(), cloud(sub));
          default ->
              new TeamsExtensionUser(
                  sub.get("userId").asText(),
                  sub.get("tenantId").asText(),
                  sub.get("resourceId").asText(),
                  cloud(sub));
        };
    if (identifier.naturalId().isBlank()) {
      throw AcsException.invalid(path + "." + which, "has a blank id");
    }
    if (rawId != null && !rawId.equals(identifier.rawId())) {
      throw AcsException.invalid(
          path + ".rawId",
          "is '" + rawId + "' but the identifier's raw id is '" + identifier.rawId() + "'");
    }
    return identifier;
  }

  /** Reads a bare {@code PhoneNumberIdentifierModel}. */
  static PhoneNumber phone(JsonNode sub) {
    return new PhoneNumber(
        sub.get("value").asText(),
        sub.path("isAnonymous").asBoolean(false),
        sub.hasNonNull("assertedId") ? sub.get("assertedId").asText() : null);
  }

  private static String cloud(JsonNode sub) {
    return sub.hasNonNull("cloud") ? sub.get("cloud").asText().toLowerCase(Locale.ROOT) : "public";
  }
}
