package dev.handoff.adapter.acs.http;

import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * An ACS connection string, {@code endpoint=https://<resource>.communication.azure.com/;
 * accesskey=<base64 key>}, as the Azure portal shows it.
 *
 * <p>Pairs are separated by {@code ;}, name and value by the first {@code =} (base64 keys end in
 * {@code =}); names are case-insensitive; empty pairs (a trailing {@code ;}) are ignored; any other
 * name is an error, as in the Azure SDKs.
 */
public final class ConnectionString {
  private final URI endpoint;
  private final byte[] accessKey;

  private ConnectionString(URI endpoint, byte[] accessKey) {
    this.endpoint = endpoint;
    this.accessKey = accessKey;
  }

  /**
   * @param text the connection string
   * @return the parsed connection string
   * @throws IllegalArgumentException naming what is wrong; the key itself is never shown
   */
  public static ConnectionString parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("connection string: is required");
    }
    String endpoint = null;
    String accessKey = null;
    for (String pair : text.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "connection string: each part must be name=value, got a part without a name or '='");
      }
      String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = pair.substring(eq + 1).trim();
      switch (name) {
        case "endpoint":
          endpoint = requireOnce(endpoint, "endpoint", value);
          break;
        case "accesskey":
          accessKey = requireOnce(accessKey, "accesskey", value);
          break;
        default:
          throw new IllegalArgumentException(
              "connection string: illegal parameter name '"
                  + pair.substring(0, eq).trim()
                  + "', only endpoint and accesskey are allowed");
      }
    }
    if (endpoint == null || endpoint.isEmpty()) {
      throw new IllegalArgumentException("connection string: endpoint is required");
    }
    if (accessKey == null || accessKey.isEmpty()) {
      throw new IllegalArgumentException("connection string: accesskey is required");
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "connection string: endpoint must be an absolute URL, got '" + endpoint + "'", e);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(accessKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("connection string: accesskey must be base64", e);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("connection string: accesskey must not be empty");
    }
    return new ConnectionString(
        Endpoints.requireServiceEndpoint(uri, "connection string endpoint"), key);
  }

  private static String requireOnce(String earlier, String name, String value) {
    if (earlier != null) {
      throw new IllegalArgumentException("connection string: " + name + " is given twice");
    }
    return value;
  }

  /**
   * @return the resource endpoint, without a trailing slash
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * @return a copy of the decoded access key
   */
  public byte[] accessKey() {
    return Arrays.copyOf(accessKey, accessKey.length);
  }

  /** Shows the endpoint, never the key. */
  @Override
  public String toString() {
    return "ConnectionString[endpoint=" + endpoint + ", accesskey=***]";
  }
}
