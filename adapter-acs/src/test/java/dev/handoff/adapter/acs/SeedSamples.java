package dev.handoff.adapter.acs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One of Microsoft's REST reference pages for Call Automation 2026-03-12 (the project's seeds,
 * copied verbatim to test resources), with its sample request and response read out of the text.
 *
 * @param request the sample request URL
 * @param requestBody the sample request body
 * @param responseBody the sample response body, when the page shows one
 */
public record SeedSamples(URI request, JsonNode requestBody, Optional<JsonNode> responseBody) {

  /**
   * @param name the seed file name, e.g. {@code acs-transfer-to-participant.txt}
   * @return its samples
   */
  public static SeedSamples load(String name) {
    String page = read("/seeds/" + name);
    int sampleRequest = page.indexOf("Sample request");
    int post = page.indexOf("POST ", sampleRequest);
    int lineEnd = page.indexOf('\n', post);
    URI url = URI.create(page.substring(post + "POST ".length(), lineEnd).trim());
    JsonNode request = Json.tree(object(page, page.indexOf('{', lineEnd)));
    int sampleResponse = page.indexOf("Sample response", lineEnd);
    int after = sampleResponse + "Sample response".length();
    String rest = page.substring(after).stripLeading();
    Optional<JsonNode> response =
        rest.startsWith("{")
            ? Optional.of(Json.tree(object(page, page.indexOf('{', after))))
            : Optional.empty();
    return new SeedSamples(url, request, response);
  }

  // The JSON object that starts at 'start', found by balancing braces outside strings.
  private static String object(String text, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return text.substring(start, i + 1);
      }
    }
    throw new IllegalStateException("unbalanced JSON in seed at " + start);
  }

  private static String read(String resource) {
    try (InputStream in = SeedSamples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
