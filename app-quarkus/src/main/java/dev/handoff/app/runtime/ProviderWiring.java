package dev.handoff.app.runtime;

import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.AcsOptions;
import dev.handoff.adapter.acs.RetryPolicy;
import dev.handoff.adapter.acs.auth.CallbackAuthenticator;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.acs.auth.QuerySecretVerifier;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.adapter.graph.GraphApiVersion;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.app.callbacks.AcsCallbacks;
import dev.handoff.app.callbacks.GraphCallbacks;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.app.config.Secret;
import dev.handoff.app.config.StartupChecks;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.ports.callback.BoundCallbacks;
import dev.handoff.ports.callback.CallbackBinding;
import dev.handoff.ports.out.CallControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the configured provider and its callback readers: ACS or Graph from their settings, or the
 * embedded emulator (see {@link EmbeddedEmulator}) through the real ACS adapter, or the real Graph
 * adapter when {@code handoff.emulator.provider=graph}.
 */
@ApplicationScoped
public class ProviderWiring {
  /** The path of ACS callbacks. */
  public static final String ACS_CALLBACKS = "/callbacks/acs";

  /** The path of Graph notifications. */
  public static final String GRAPH_CALLBACKS = "/callbacks/graph";

  /**
   * @param config the configuration
   * @param emulator the embedded emulator, started only when it is the provider
   * @return where the provider's callbacks reach this service
   */
  @Produces
  @Singleton
  CallbackEndpoint callbackEndpoint(HandoffConfig config, EmbeddedEmulator emulator) {
    switch (config.provider()) {
      case ACS:
        URI acsCallback = acsCallbackUri(config);
        return new CallbackEndpoint(() -> acsCallback);
      case GRAPH:
        URI graphCallback = callbackBase(config).resolve(GRAPH_CALLBACKS.substring(1));
        return new CallbackEndpoint(() -> graphCallback);
      default:
        return new CallbackEndpoint(emulator::callbackUri);
    }
  }

  /**
   * @param config the configuration
   * @param emulator the embedded emulator, started only when it is the provider
   * @param clock the clock
   * @param endpoint where callbacks reach this service
   * @param binding binds each operation's callback URL to it
   * @return the provider, sending each operation's events to this service, through a URL bound to
   *     the operation unless {@code handoff.callbacks.bind-operations} is off
   */
  @Produces
  @Singleton
  CallControl provider(
      HandoffConfig config,
      EmbeddedEmulator emulator,
      Clock clock,
      CallbackEndpoint endpoint,
      CallbackBinding binding) {
    if (config.provider() == HandoffConfig.Provider.NONE) {
      throw new IllegalStateException(StartupChecks.NO_PROVIDER);
    }
    CallControl adapter;
    switch (config.provider()) {
      case ACS:
        adapter = acs(config, clock);
        break;
      case GRAPH:
        adapter = graph(config, clock);
        break;
      default:
        if (emulator.graph()) {
          GraphEndpoints graph = emulator.graphEndpoints();
          adapter =
              graphOptions(
                      GraphCallControl.builder()
                          .clientCredentials(
                              graph.tenantId(), graph.clientId(), graph.clientSecret())
                          .tokenEndpoint(graph.httpTokenEndpoint())
                          .baseUrl(emulator.graphEndpoints().httpBaseUrl()),
                      config,
                      clock)
                  .build();
          break;
        }
        adapter =
            AcsCallControl.builder()
                .connectionString(emulator.acsConnectionString())
                .defaultSourceCallerId(EmbeddedEmulator.RESOURCE_NUMBER)
                .options(acsOptions(config, clock))
                .build();
    }
    return config.callbacks().bindOperations()
        ? BoundCallbacks.bound(adapter, endpoint::get, binding)
        : BoundCallbacks.unbound(adapter, endpoint::get);
  }

  /**
   * @param config the configuration
   * @param emulator the embedded emulator, started only when it is the provider
   * @param clock the clock
   * @return the callback readers of the configured provider
   */
  @Produces
  @Singleton
  ProviderCallbacks callbacks(HandoffConfig config, EmbeddedEmulator emulator, Clock clock) {
    AcsEventParser acsParser = AcsEventParser.create(clock);
    switch (config.provider()) {
      case ACS:
        return new ProviderCallbacks(
            Optional.of(
                new AcsCallbacks(
                    acsAuthenticator(config, clock),
                    config.acs().eventGridSecret().map(ProviderWiring::eventGridVerifier),
                    acsParser)),
            Optional.empty());
      case GRAPH:
        HandoffConfig.Graph graph = config.graph();
        return new ProviderCallbacks(
            Optional.empty(),
            Optional.of(
                new GraphCallbacks(
                    GraphNotificationAuthenticator.builder(graph.clientId().orElseThrow())
                        .openIdConfiguration(graph.openidConfigurationUrl())
                        .issuers(Set.copyOf(graph.issuers()))
                        .tenants(
                            Set.copyOf(
                                graph
                                    .allowedTenants()
                                    .orElseGet(() -> List.of(graph.tenantId().orElseThrow()))))
                        .clock(clock)
                        .build(),
                    GraphNotificationParser.builder().clock(clock).build())));
      default:
        if (emulator.graph()) {
          return new ProviderCallbacks(
              Optional.empty(),
              Optional.of(
                  new GraphCallbacks(
                      emulator.graphAuthenticator(clock),
                      GraphNotificationParser.builder().clock(clock).build())));
        }
        return new ProviderCallbacks(
            Optional.of(
                new AcsCallbacks(
                    emulator.callbackAuthenticator(clock),
                    Optional.of(eventGridVerifier(emulator.eventGridSecret())),
                    acsParser)),
            Optional.empty());
    }
  }

  /**
   * @param config the configuration
   * @param emulator the embedded emulator, started only when it is the provider
   * @return where the provider is reached
   */
  @Produces
  @Singleton
  ProviderEndpoint endpoint(HandoffConfig config, EmbeddedEmulator emulator) {
    switch (config.provider()) {
      case ACS:
        return new ProviderEndpoint(
            "acs",
            config
                .acs()
                .connectionString()
                .map(secret -> acsEndpoint(secret.reveal()))
                .orElseGet(() -> config.acs().endpoint().orElseThrow()));
      case GRAPH:
        return new ProviderEndpoint("graph", config.graph().baseUrl());
      default:
        return new ProviderEndpoint("emulator", emulator.running().httpBaseUrl());
    }
  }

  private static URI acsEndpoint(String connectionString) {
    for (String part : connectionString.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0 && part.substring(0, equals).trim().equalsIgnoreCase("endpoint")) {
        return URI.create(part.substring(equals + 1).trim());
      }
    }
    throw new IllegalArgumentException("the ACS connection string names no endpoint");
  }

  static QuerySecretVerifier eventGridVerifier(Secret secret) {
    return QuerySecretVerifier.of(AcsCallbacks.EVENT_GRID_SECRET_PARAMETER, secret.reveal());
  }

  private static AcsCallControl acs(HandoffConfig config, Clock clock) {
    HandoffConfig.Acs acs = config.acs();
    AcsCallControl.Builder builder = AcsCallControl.builder().options(acsOptions(config, clock));
    if (acs.connectionString().isPresent()) {
      builder.connectionString(acs.connectionString().get().reveal());
    } else {
      Secret token = acs.token().orElseThrow();
      builder.endpoint(acs.endpoint().orElseThrow()).tokenSupplier(token::reveal);
    }
    return builder.build();
  }

  static AcsOptions acsOptions(HandoffConfig config, Clock clock) {
    HandoffConfig.Retry retry = config.retry();
    return AcsOptions.builder()
        .apiVersion(config.acs().apiVersion())
        .retryPolicy(
            new RetryPolicy(
                retry.maxAttempts(),
                retry.baseDelay(),
                retry.maxDelay(),
                RetryPolicy.defaults().jitter()))
        .attemptTimeout(retry.attemptTimeout())
        .overallTimeout(retry.overallTimeout())
        .clock(clock)
        .build();
  }

  private static CallbackAuthenticator acsAuthenticator(HandoffConfig config, Clock clock) {
    HandoffConfig.Acs acs = config.acs();
    if (acs.callbackAuth() == HandoffConfig.CallbackAuth.QUERY_SECRET) {
      return QuerySecretVerifier.of(
          AcsCallbacks.EVENT_GRID_SECRET_PARAMETER, acs.callbackSecret().orElseThrow().reveal());
    }
    return JwtCallbackVerifier.builder()
        .audience(acs.resourceId().orElseThrow())
        .openIdConfiguration(acs.openidConfigurationUrl())
        .clock(clock)
        .build();
  }

  private static URI acsCallbackUri(HandoffConfig config) {
    URI uri = callbackBase(config).resolve(ACS_CALLBACKS.substring(1));
    return config.acs().callbackAuth() == HandoffConfig.CallbackAuth.QUERY_SECRET
        ? QuerySecretVerifier.of(
                AcsCallbacks.EVENT_GRID_SECRET_PARAMETER,
                config.acs().callbackSecret().orElseThrow().reveal())
            .protect(uri)
        : uri;
  }

  private static GraphCallControl graph(HandoffConfig config, Clock clock) {
    HandoffConfig.Graph graph = config.graph();
    GraphCallControl.Builder builder =
        GraphCallControl.builder()
            .clientCredentials(
                graph.tenantId().orElseThrow(),
                graph.clientId().orElseThrow(),
                graph.clientSecret().orElseThrow().reveal())
            .baseUrl(graph.baseUrl())
            .apiVersion(
                graph.apiVersion().equals("beta") ? GraphApiVersion.BETA : GraphApiVersion.V1_0);
    graph.tokenEndpoint().ifPresent(builder::tokenEndpoint);
    return graphOptions(builder, config, clock).build();
  }

  private static GraphCallControl.Builder graphOptions(
      GraphCallControl.Builder builder, HandoffConfig config, Clock clock) {
    HandoffConfig.Retry retry = config.retry();
    return builder.options(
        GraphOptions.builder()
            .attemptTimeout(retry.attemptTimeout())
            .overallTimeout(retry.overallTimeout())
            .maxAttempts(Math.min(retry.maxAttempts(), GraphOptions.MAX_ATTEMPTS_LIMIT))
            .clock(clock)
            .build());
  }

  private static URI callbackBase(HandoffConfig config) {
    URI base = config.callbackBaseUrl().orElseThrow();
    return base.getPath().endsWith("/") ? base : URI.create(base + "/");
  }
}
