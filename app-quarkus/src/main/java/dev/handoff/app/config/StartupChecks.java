package dev.handoff.app.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with a missing or inconsistent setting, naming each one and how to fix it, so
 * that a misconfiguration never shows up later as a failed transfer.
 */
@ApplicationScoped
public class StartupChecks {

  void onStart(@Observes StartupEvent event, HandoffConfig config) {
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Handoff cannot start; fix these settings:\n  - " + String.join("\n  - ", problems));
    }
  }

  /**
   * @param config the configuration
   * @return every problem found, each naming the setting
   */
  public static List<String> problems(HandoffConfig config) {
    List<String> problems = new ArrayList<>();
    HandoffConfig.Api api = config.api();
    if (api.auth() == HandoffConfig.AuthMode.API_KEY
        && api.keys().map(List::isEmpty).orElse(true)) {
      problems.add(
          "handoff.api.auth=api-key but no key is configured: set handoff.api.keys"
              + " (HANDOFF_API_KEYS, comma-separated), choose handoff.api.auth=jwt, or run the"
              + " demo profile (-Dquarkus.profile=demo), which turns authentication off");
    }
    if (api.auth() == HandoffConfig.AuthMode.JWT && api.jwt().jwksUrl().isEmpty()) {
      problems.add(
          "handoff.api.auth=jwt needs handoff.api.jwt.jwks-url (HANDOFF_API_JWT_JWKS_URL)");
    }
    switch (config.provider()) {
      case ACS:
        acs(config, problems);
        break;
      case GRAPH:
        graph(config, problems);
        break;
      default:
        break;
    }
    return problems;
  }

  private static void acs(HandoffConfig config, List<String> problems) {
    HandoffConfig.Acs acs = config.acs();
    boolean hmac = acs.connectionString().isPresent();
    boolean entra = acs.endpoint().isPresent() && acs.token().isPresent();
    if (hmac == entra) {
      problems.add(
          "handoff.provider=acs needs exactly one of handoff.acs.connection-string"
              + " (HANDOFF_ACS_CONNECTION_STRING) or handoff.acs.endpoint with handoff.acs.token");
    }
    requireCallbackBase(config, problems);
    if (acs.callbackAuth() == HandoffConfig.CallbackAuth.JWT && acs.resourceId().isEmpty()) {
      problems.add(
          "handoff.acs.callback-auth=jwt needs handoff.acs.resource-id (the audience of ACS"
              + " callback tokens: your resource's immutable id)");
    }
    if (acs.callbackAuth() == HandoffConfig.CallbackAuth.QUERY_SECRET
        && acs.callbackSecret().isEmpty()) {
      problems.add("handoff.acs.callback-auth=query-secret needs handoff.acs.callback-secret");
    }
  }

  private static void graph(HandoffConfig config, List<String> problems) {
    HandoffConfig.Graph graph = config.graph();
    if (graph.tenantId().isEmpty()) {
      problems.add("handoff.provider=graph needs handoff.graph.tenant-id");
    }
    if (graph.clientId().isEmpty()) {
      problems.add(
          "handoff.provider=graph needs handoff.graph.client-id (also the audience of"
              + " notification tokens)");
    }
    if (graph.clientSecret().isEmpty()) {
      problems.add("handoff.provider=graph needs handoff.graph.client-secret");
    }
    if (!graph.apiVersion().equals("v1.0") && !graph.apiVersion().equals("beta")) {
      problems.add("handoff.graph.api-version must be v1.0 or beta, not " + graph.apiVersion());
    }
    requireCallbackBase(config, problems);
  }

  private static void requireCallbackBase(HandoffConfig config, List<String> problems) {
    if (config.callbackBaseUrl().isEmpty()) {
      problems.add(
          "handoff.provider="
              + config.provider().name().toLowerCase(java.util.Locale.ROOT)
              + " needs handoff.callback-base-url (HANDOFF_CALLBACK_BASE_URL): the public URL at"
              + " which the provider reaches this service's /callbacks");
    }
  }
}
