package dev.handoff.benchmarks.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.models.Call;
import com.microsoft.graph.models.CommsOperation;
import com.microsoft.graph.models.Participant;
import com.microsoft.kiota.serialization.JsonParseNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code commsNotifications} body read with the Graph SDK 6.x. The SDK has no class for the
 * envelope or its items (kiota trims the unreferenced {@code commsNotification} types), so its
 * users read the envelope with Gson, already on the SDK's classpath, and hand each {@code
 * resourceData} to kiota: a participant array, an operation or a call.
 */
public final class GraphSdkNotifications {
  private GraphSdkNotifications() {}

  /**
   * One notification item, its resource parsed into the SDK's model.
   *
   * @param changeType {@code created}, {@code updated} or {@code deleted}
   * @param resourceUrl the resource's path
   * @param resource a {@link Call}, a {@link CommsOperation} or a list of {@link Participant}s
   */
  public record Notification(String changeType, String resourceUrl, Object resource) {}

  /**
   * @param body the notification body
   * @return its items in order
   */
  public static List<Notification> parse(String body) {
    JsonArray items = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("value");
    List<Notification> parsed = new ArrayList<>(items.size());
    for (JsonElement element : items) {
      JsonObject item = element.getAsJsonObject();
      String url =
          item.has("resourceUrl")
              ? item.get("resourceUrl").getAsString()
              : item.get("resource").getAsString();
      JsonElement data = item.get("resourceData");
      JsonParseNode node = new JsonParseNode(data);
      Object resource;
      if (data.isJsonArray()) {
        resource = node.getCollectionOfObjectValues(Participant::createFromDiscriminatorValue);
      } else if (url.contains("/operations/")) {
        resource = node.getObjectValue(CommsOperation::createFromDiscriminatorValue);
      } else {
        resource = node.getObjectValue(Call::createFromDiscriminatorValue);
      }
      parsed.add(new Notification(item.get("changeType").getAsString(), url, resource));
    }
    return parsed;
  }
}
