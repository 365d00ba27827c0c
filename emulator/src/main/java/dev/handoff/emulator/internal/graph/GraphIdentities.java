package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Graph identity sets: validation of request shapes and the compact notation of the control API.
 */
final class GraphIdentities {

  /** The identity kinds an identitySet / communicationsIdentitySet can carry. */
  static final Set<String> KINDS =
      Set.of(
          "user",
          "application",
          "device",
          "applicationInstance",
          "phone",
          "guest",
          "encrypted",
          "onPremises",
          "azureCommunicationServicesUser",
          "assertedIdentity");

  private static final Set<String> SET_TYPES =
      Set.of("#microsoft.graph.identitySet", "#microsoft.graph.communicationsIdentitySet");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");

  private GraphIdentities() {}

  /**
   * Validates an identitySet: an object with at least one identity, each identity an object with a
   * non-blank string {@code id}; phone ids in E.164. The type is open, so unknown properties are
   * tolerated.
   */
  static void check(JsonNode set, String path) {
    if (!set.isObject()) {
      throw GraphException.badRequest("Property '" + path + "' must be an identitySet object.");
    }
    JsonNode type = set.get("@odata.type");
    if (type != null && !(type.isTextual() && SET_TYPES.contains(type.asText()))) {
      throw GraphException.badRequest(
          "Property '"
              + path
              + ".@odata.type' must be #microsoft.graph.identitySet or"
              + " #microsoft.graph.communicationsIdentitySet.");
    }
    int identities = 0;
    for (Map.Entry<String, JsonNode> field : set.properties()) {
      if (!KINDS.contains(field.getKey()) || field.getValue().isNull()) {
        continue;
      }
      String identityPath = path + "." + field.getKey();
      JsonNode identity = field.getValue();
      if (!identity.isObject()) {
        throw GraphException.badRequest(
            "Property '" + identityPath + "' must be an identity object.");
      }
      JsonNode id = identity.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw GraphException.badRequest("Property '" + identityPath + ".id' is required.");
      }
      JsonNode displayName = identity.get("displayName");
      if (displayName != null && !displayName.isNull() && !displayName.isTextual()) {
        throw GraphException.badRequest(
            "Property '" + identityPath + ".displayName' must be a string.");
      }
      if (field.getKey().equals("phone") && !E164.matcher(id.asText()).matches()) {
        throw GraphException.badRequest(
            "Property '" + identityPath + ".id' must be a phone number in E.164 format.");
      }
      identities++;
    }
    if (identities == 0) {
      throw GraphException.badRequest("Property '" + path + "' must carry at least one identity.");
    }
  }

  /**
   * Whether an identity set addresses a resource account ({@code applicationInstance}) of a tenant
   * other than the given one. Users of other tenants stay reachable (federation); another tenant's
   * resource account is what Graph answers with 7505.
   */
  static boolean foreignTenant(JsonNode set, String tenantId) {
    JsonNode tenant = set.path("applicationInstance").path("tenantId");
    return tenant.isTextual() && !tenant.asText().equalsIgnoreCase(tenantId);
  }

  /** The ids in an identity set, which scripted outcomes are matched against. */
  static List<String> keys(JsonNode set) {
    List<String> keys = new ArrayList<>();
    for (String kind : KINDS) {
      JsonNode id = set.path(kind).path("id");
      if (id.isTextual()) {
        keys.add(id.asText());
      }
    }
    return keys;
  }

  /**
   * Parses the control API's notation {@code kind:id} ({@code user:<entra id>}, {@code
   * phone:+14255550123}, {@code application:<app id>}, {@code applicationInstance:<id>}, {@code
   * guest:<id>}, {@code acsUser:<8:acs:...>}) into an identitySet.
   */
  static ObjectNode parse(String notation, String tenantId) {
    int colon = notation.indexOf(':');
    if (colon <= 0 || colon == notation.length() - 1) {
      throw new IllegalArgumentException(
          "identity '" + notation + "' must be kind:id, e.g. user:<id> or phone:+14255550123");
    }
    String kind = notation.substring(0, colon);
    String id = notation.substring(colon + 1);
    ObjectNode set = Json.object();
    set.put("@odata.type", "#microsoft.graph.identitySet");
    ObjectNode identity;
    switch (kind) {
      case "user", "application", "applicationInstance", "guest" -> {
        identity = set.putObject(kind);
        identity.put("id", id);
        if (!kind.equals("guest")) {
          identity.put("tenantId", tenantId);
        }
      }
      case "phone" -> {
        if (!E164.matcher(id).matches()) {
          throw new IllegalArgumentException("phone identity '" + id + "' is not E.164");
        }
        set.put("@odata.type", "#microsoft.graph.communicationsIdentitySet");
        identity = set.putObject("phone");
        identity.put("id", id);
      }
      case "acsUser" -> {
        set.put("@odata.type", "#microsoft.graph.communicationsIdentitySet");
        identity = set.putObject("azureCommunicationServicesUser");
        identity.put("id", id);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown identity kind '"
                  + kind
                  + "' (user, phone, application, applicationInstance, guest, acsUser)");
    }
    return set;
  }
}
