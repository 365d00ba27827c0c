package dev.handoff.contract.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.core.model.UrlSource;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads Handoff's pacts from the classpath, where this artifact bundles them, so that a provider
 * verification runs from the published jar without copying files:
 * {@code @PactSource(BundledPacts.class)} with {@code @Provider("acs-call-automation")}, {@code
 * "graph-calls"} or {@code "handoff-api"}.
 */
public final class BundledPacts implements PactLoader {
  private static final Map<String, String> CONSUMERS =
      Map.of(
          HandoffPacts.ACS_PROVIDER, HandoffPacts.ACS_CONSUMER,
          HandoffPacts.GRAPH_PROVIDER, HandoffPacts.GRAPH_CONSUMER,
          HandoffPacts.API_PROVIDER, HandoffPacts.API_CONSUMER);

  private String source = HandoffPacts.RESOURCE_FOLDER;

  /** Used by Pact's {@code @PactSource}. */
  public BundledPacts() {}

  @Override
  public List<Pact> load(String providerName) throws IOException {
    String consumer = CONSUMERS.get(providerName);
    if (consumer == null) {
      throw new IOException(
          "Handoff bundles no pact for provider '"
              + providerName
              + "'; the providers are "
              + CONSUMERS.keySet());
    }
    String resource = HandoffPacts.resource(consumer, providerName);
    URL url = BundledPacts.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IOException("the pact " + resource + " is not on the classpath");
    }
    source = url.toString();
    String json;
    try (InputStream in = url.openStream()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Pact> pacts = new ArrayList<>();
    pacts.add(
        DefaultPactReader.INSTANCE.pactFromJson(
            JsonParser.parseString(json).asObject(), new UrlSource(source)));
    return pacts;
  }

  @Override
  public PactSource getPactSource() {
    return new UrlSource(source);
  }

  @Override
  public String description() {
    return "Handoff's bundled pacts (" + source + ")";
  }
}
