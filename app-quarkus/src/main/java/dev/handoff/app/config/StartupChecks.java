package dev.handoff.app.config;

import dev.handoff.adapter.acs.auth.QuerySecretVerifier;
import dev.handoff.adapter.acs.http.ConnectionString;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start with a missing, malformed or inconsistent setting, naming each one, its
 * environment variable and the rule, all at once, so that a misconfiguration never shows up later
 * as a failed transfer, a refused callback or a simulated transfer reported as real. The refusal is
 * printed without a stack trace (see {@link dev.handoff.app.HandoffMain}).
 *
 * <p>When the embedded emulator is the provider, a banner says so loudly at every start.
 *
 * <p>Long because it holds one check per setting that can be wrong at start-up, each naming the
 * setting and the rule.
 */
@ApplicationScoped
public class StartupChecks {
  private static final Logger LOG = Logger.getLogger(StartupChecks.class);

  /** Secrets compared against what a provider sends must be at least this long. */
  public static final int MIN_SECRET_LENGTH = QuerySecretVerifier.MIN_SECRET_LENGTH;

  /** The refusal when no provider is configured. */
  public static final String NO_PROVIDER =
      "no provider is configured: set handoff.provider (HANDOFF_PROVIDER) to acs or graph, with"
          + " that provider's settings, or to emulator for simulated calls that transfer nothing";

  private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern INTERVAL =
      Pattern.compile("\\d+(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  void onStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
      HandoffConfig config) {
    List<String> problems = problems(config);
    if (config.store().kind() == HandoffConfig.StoreKind.POSTGRES
        && ConfigProvider.getConfig()
            .getOptionalValue("quarkus.datasource.jdbc.url", String.class)
            .isEmpty()) {
      problems.add(
          "handoff.store.kind=postgres needs quarkus.datasource.jdbc.url"
              + " (QUARKUS_DATASOURCE_JDBC_URL), with its username and password");
    }
    if (!problems.isEmpty()) {
      throw new StartupRefusedException(problems);
    }
    if (config.provider() == HandoffConfig.Provider.EMULATOR) {
      LOG.warn(EMULATOR_BANNER);
    }
  }

  private static final String EMULATOR_BANNER =
      "\n"
          + "************************************************************************\n"
          + "*  THE PROVIDER IS THE EMBEDDED EMULATOR: NO REAL CALL IS TRANSFERRED.  *\n"
          + "*  Operations complete against a simulation. For real calls set        *\n"
          + "*  handoff.provider=acs or graph (HANDOFF_PROVIDER) and its settings.   *\n"
          + "************************************************************************";

  /**
   * @param config the configuration
   * @return every problem found, each naming the setting, its environment variable and the rule
   */
  public static List<String> problems(HandoffConfig config) {
    List<String> problems = new ArrayList<>();
    api(config.api(), problems);
    switch (config.provider()) {
      case NONE:
        problems.add(NO_PROVIDER);
        break;
      case ACS:
        acs(config, problems);
        break;
      case GRAPH:
        graph(config, problems);
        break;
      default:
        emulator(config.emulator(), problems);
        break;
    }
    config
        .callbackBaseUrl()
        .ifPresent(base -> url(problems, "handoff.callback-base-url", base, true));
    retry(config.retry(), problems);
    deadlines(config.deadlines(), problems);
    store(config.store(), problems);
    sweep(config.sweep(), problems);
    callbacks(config.callbacks(), problems);
    reconciliation(config.reconciliation(), problems);
    return problems;
  }

  /**
   * @param property a property name, e.g. {@code handoff.acs.resource-id}
   * @return the name with its environment variable, e.g. {@code handoff.acs.resource-id
   *     (HANDOFF_ACS_RESOURCE_ID)}
   */
  static String setting(String property) {
    String env = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return property + " (" + env + ")";
  }

  private static void api(HandoffConfig.Api api, List<String> problems) {
    if (api.auth() == HandoffConfig.AuthMode.API_KEY) {
      List<Secret> keys = api.keys().orElse(List.of());
      if (keys.isEmpty()) {
        problems.add(
            "handoff.api.auth=api-key but no key is configured: set "
                + setting("handoff.api.keys")
                + ", comma-separated, choose handoff.api.auth=jwt, or run the demo profile"
                + " (-Dquarkus.profile=demo), which turns authentication off");
      }
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i).reveal();
        if (key.isEmpty() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
          problems.add(
              setting("handoff.api.keys")
                  + ": key #"
                  + (i + 1)
                  + " must be visible ASCII characters only, as a header carries them");
        }
      }
    }
    if (api.auth() == HandoffConfig.AuthMode.JWT) {
      if (api.jwt().jwksUrl().isEmpty()) {
        problems.add("handoff.api.auth=jwt needs " + setting("handoff.api.jwt.jwks-url"));
      }
      api.jwt().jwksUrl().ifPresent(url -> url(problems, "handoff.api.jwt.jwks-url", url, true));
    }
  }

  private static void acs(HandoffConfig config, List<String> problems) {
    HandoffConfig.Acs acs = config.acs();
    boolean hmac = acs.connectionString().isPresent();
    boolean entra = acs.endpoint().isPresent() || acs.token().isPresent();
    if (hmac == entra) {
      problems.add(
          "handoff.provider=acs needs exactly one of "
              + setting("handoff.acs.connection-string")
              + " or handoff.acs.endpoint with handoff.acs.token");
    } else if (hmac) {
      try {
        ConnectionString.parse(acs.connectionString().get().reveal());
      } catch (IllegalArgumentException malformed) {
        problems.add(
            setting("handoff.acs.connection-string")
                + " must read endpoint=https://<resource>.communication.azure.com/;accesskey=<base64"
                + " key>: "
                + malformed.getMessage());
      }
    } else if (acs.endpoint().isEmpty() || acs.token().isEmpty()) {
      problems.add(
          "Microsoft Entra authentication needs both "
              + setting("handoff.acs.endpoint")
              + " and "
              + setting("handoff.acs.token"));
    }
    acs.endpoint().ifPresent(endpoint -> url(problems, "handoff.acs.endpoint", endpoint, true));
    if (!API_VERSION.matcher(acs.apiVersion()).matches()) {
      problems.add(
          setting("handoff.acs.api-version")
              + " must be a date such as 2026-03-12, not "
              + acs.apiVersion());
    }
    requireCallbackBase(config, problems);
    if (acs.callbackAuth() == HandoffConfig.CallbackAuth.JWT) {
      if (acs.resourceId().map(String::isBlank).orElse(true)) {
        problems.add(
            "handoff.acs.callback-auth=jwt needs "
                + setting("handoff.acs.resource-id")
                + ": the audience of ACS callback tokens, your resource's immutable id");
      }
      url(problems, "handoff.acs.openid-configuration-url", acs.openidConfigurationUrl(), true);
    } else if (acs.callbackSecret().isEmpty()) {
      problems.add(
          "handoff.acs.callback-auth=query-secret needs " + setting("handoff.acs.callback-secret"));
    }
    if (acs.callbackAuth() == HandoffConfig.CallbackAuth.QUERY_SECRET) {
      acs.callbackSecret()
          .ifPresent(secret -> secret(problems, "handoff.acs.callback-secret", secret));
    }
    acs.eventGridSecret()
        .ifPresent(secret -> secret(problems, "handoff.acs.event-grid-secret", secret));
  }

  private static void graph(HandoffConfig config, List<String> problems) {
    HandoffConfig.Graph graph = config.graph();
    if (graph.tenantId().map(String::isBlank).orElse(true)) {
      problems.add("handoff.provider=graph needs " + setting("handoff.graph.tenant-id"));
    }
    if (graph.clientId().map(String::isBlank).orElse(true)) {
      problems.add(
          "handoff.provider=graph needs "
              + setting("handoff.graph.client-id")
              + ", also the audience of notification tokens");
    }
    if (graph.clientSecret().map(secret -> secret.reveal().isBlank()).orElse(true)) {
      problems.add("handoff.provider=graph needs " + setting("handoff.graph.client-secret"));
    }
    if (!graph.apiVersion().equals("v1.0") && !graph.apiVersion().equals("beta")) {
      problems.add(
          setting("handoff.graph.api-version")
              + " must be v1.0 or beta, not "
              + graph.apiVersion());
    }
    url(problems, "handoff.graph.base-url", graph.baseUrl(), true);
    graph
        .tokenEndpoint()
        .ifPresent(endpoint -> url(problems, "handoff.graph.token-endpoint", endpoint, true));
    url(problems, "handoff.graph.openid-configuration-url", graph.openidConfigurationUrl(), true);
    if (graph.issuers().stream().allMatch(String::isBlank)) {
      problems.add(setting("handoff.graph.issuers") + " must name at least one issuer");
    }
    if (graph.allowedTenants().map(t -> t.stream().anyMatch(String::isBlank)).orElse(false)) {
      problems.add(
          setting("handoff.graph.allowed-tenants")
              + " must list tenant ids (comma-separated), none of them blank");
    }
    requireCallbackBase(config, problems);
  }

  private static void emulator(HandoffConfig.Emulator emulator, List<String> problems) {
    if (emulator.port() < 0 || emulator.port() > 65535) {
      problems.add(
          setting("handoff.emulator.port")
              + " must be 0 (a free port) to 65535, not "
              + emulator.port());
    }
    if (!(emulator.timeScale() > 0) || Double.isInfinite(emulator.timeScale())) {
      problems.add(
          setting("handoff.emulator.time-scale")
              + " must be a positive number, not "
              + emulator.timeScale());
    }
    if (emulator.participantPageSize() < 1) {
      problems.add(
          setting("handoff.emulator.participant-page-size")
              + " must be at least 1, not "
              + emulator.participantPageSize());
    }
    if (!CALL_ID.matcher(emulator.demoCallId()).matches()) {
      problems.add(
          setting("handoff.emulator.demo-call-id")
              + " must be 1 to 128 letters, digits, '-' or '_', not '"
              + emulator.demoCallId()
              + "'");
    }
  }

  private static void retry(HandoffConfig.Retry retry, List<String> problems) {
    if (retry.maxAttempts() < 1 || retry.maxAttempts() > 10) {
      problems.add(
          setting("handoff.retry.max-attempts") + " must be 1 to 10, not " + retry.maxAttempts());
    }
    positive(problems, "handoff.retry.base-delay", retry.baseDelay());
    positive(problems, "handoff.retry.max-delay", retry.maxDelay());
    positive(problems, "handoff.retry.attempt-timeout", retry.attemptTimeout());
    positive(problems, "handoff.retry.overall-timeout", retry.overallTimeout());
    if (retry.baseDelay().compareTo(retry.maxDelay()) > 0) {
      problems.add(
          setting("handoff.retry.base-delay") + " must not be longer than handoff.retry.max-delay");
    }
    if (retry.attemptTimeout().compareTo(retry.overallTimeout()) > 0) {
      problems.add(
          setting("handoff.retry.attempt-timeout")
              + " must not be longer than handoff.retry.overall-timeout");
    }
  }

  private static void deadlines(HandoffConfig.Deadlines d, List<String> problems) {
    positive(problems, "handoff.deadlines.transfer", d.transfer());
    positive(problems, "handoff.deadlines.add-participant-grace", d.addParticipantGrace());
    positive(problems, "handoff.deadlines.default-invitation", d.defaultInvitation());
    positive(problems, "handoff.deadlines.cancel", d.cancel());
    positive(problems, "handoff.deadlines.redirect-grace", d.redirectGrace());
    positive(problems, "handoff.deadlines.default-ring", d.defaultRing());
  }

  private static void store(HandoffConfig.Store store, List<String> problems) {
    if (store.capacity() < 1) {
      problems.add(
          setting("handoff.store.capacity") + " must be at least 1, not " + store.capacity());
    }
    positive(problems, "handoff.store.retention", store.retention());
    if (store.kind() == HandoffConfig.StoreKind.POSTGRES) {
      if (!SCHEMA.matcher(store.schema()).matches()) {
        problems.add(
            setting("handoff.store.schema")
                + " must be a lower-case SQL name (letters, digits, '_'; at most 63), not '"
                + store.schema()
                + "'");
      }
      positive(problems, "handoff.store.claim-lease", store.claimLease());
    }
  }

  private static void sweep(HandoffConfig.Sweep sweep, List<String> problems) {
    String interval = sweep.interval().trim();
    if (!INTERVAL.matcher(interval).matches() && !isIsoDuration(interval)) {
      problems.add(
          setting("handoff.sweep.interval")
              + " must be a period such as 5s, 1m or PT5S, not '"
              + interval
              + "'");
    }
    positive(problems, "handoff.sweep.interrupted-after", sweep.interruptedAfter());
  }

  private static void callbacks(HandoffConfig.Callbacks callbacks, List<String> problems) {
    callbacks.secret().ifPresent(secret -> secret(problems, "handoff.callbacks.secret", secret));
  }

  private static void reconciliation(HandoffConfig.Reconciliation r, List<String> problems) {
    if (r.maxChecks() < 1) {
      problems.add(
          setting("handoff.reconciliation.max-checks")
              + " must be at least 1, not "
              + r.maxChecks());
    }
    positive(problems, "handoff.reconciliation.recheck-after", r.recheckAfter());
  }

  private static boolean isIsoDuration(String text) {
    try {
      return !Duration.parse(text).isNegative() && !Duration.parse(text).isZero();
    } catch (java.time.format.DateTimeParseException notIso) {
      return false;
    }
  }

  private static void positive(List<String> problems, String property, Duration value) {
    if (value.isNegative() || value.isZero()) {
      problems.add(setting(property) + " must be a positive duration, not " + value);
    }
  }

  private static void secret(List<String> problems, String property, Secret secret) {
    String value = secret.reveal();
    if (value.length() < MIN_SECRET_LENGTH) {
      problems.add(
          setting(property)
              + " must be at least "
              + MIN_SECRET_LENGTH
              + " characters; it has "
              + value.length());
    } else if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      problems.add(setting(property) + " must be visible ASCII characters only");
    }
  }

  /**
   * Checks an absolute http(s) URL; with {@code secure}, plain http only to this machine (the
   * emulator, a test), since providers and key endpoints are reached over TLS.
   */
  private static void url(List<String> problems, String property, URI url, boolean secure) {
    String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || !scheme.matches("https?")) {
      problems.add(setting(property) + " must be an absolute http or https URL, not '" + url + "'");
      return;
    }
    if (secure && scheme.equals("http") && !isLoopback(url.getHost())) {
      problems.add(
          setting(property)
              + " must use https (plain http is accepted only for this machine), not '"
              + url
              + "'");
    }
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  private static void requireCallbackBase(HandoffConfig config, List<String> problems) {
    if (config.callbackBaseUrl().isEmpty()) {
      problems.add(
          "handoff.provider="
              + config.provider().name().toLowerCase(Locale.ROOT)
              + " needs "
              + setting("handoff.callback-base-url")
              + ": the public URL at which the provider reaches this service's /callbacks");
    }
  }
}
