package dev.handoff.adapter.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.graph.http.AccessTokenSupplier;
import dev.handoff.adapter.graph.http.ClientCredentialsTokenProvider;
import dev.handoff.adapter.graph.http.Endpoints;
import dev.handoff.adapter.graph.http.Exchange;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.adapter.graph.http.GraphTransport;
import dev.handoff.adapter.graph.mapping.GraphActionMapper;
import dev.handoff.adapter.graph.mapping.GraphRequestMapper;
import dev.handoff.adapter.graph.wire.CallSummary;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.adapter.graph.wire.ParticipantCollection;
import dev.handoff.adapter.graph.wire.ParticipantResource;
import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link CallControl} port on Microsoft Graph cloud communications.
 *
 * <ul>
 *   <li>{@link #transfer}: {@code POST /{version}/communications/calls/{id}/transfer} with {@code
 *       transferTarget} (and {@code replacesCallId} for a consultative transfer) and, for group
 *       calls, {@code transferee} with its {@code participantId}. Graph answers {@code 202} with no
 *       body: {@link SubmitResult.Accepted}; notifications tell the outcome.
 *   <li>{@link #addParticipant}: {@code POST .../participants/invite} with one participant and
 *       {@code clientContext} = {@link SubmitContext#correlation()}. Any 2xx, with or without a
 *       body, is accepted; the {@code inviteParticipantsOperation}'s id (else the operation id in
 *       {@code Location}) becomes the invitation id, which the operation's notifications carry. A
 *       status already {@code completed} or {@code failed} in the answer is final: {@link
 *       SubmitResult.Completed} or {@link SubmitResult.Rejected}.
 *   <li>{@link #redirect}: {@code POST .../redirect} with the targets, {@code timeout} and {@code
 *       callbackUri}; {@code 202}: {@link SubmitResult.Accepted}. The operation context is not
 *       sent: Graph's redirect has no client context.
 *   <li>{@link #cancelAddParticipant}: Graph has no way to withdraw an invitation; the capability
 *       is not declared, so the command is always refused before anything is sent.
 * </ul>
 *
 * <p>Each method first checks the command against {@link #capabilities()}, then against what
 * Graph's identities cannot hold (anonymous Teams users, a cloud other than the adapter's, a tenant
 * on a bot, an asserted phone id; a redirect's incoming-call context other than the call id, a
 * plain-http callback URI off loopback): both throw {@link UnsupportedByProviderException} and
 * nothing is sent. Every submission carries a fresh {@code client-request-id} GUID, kept with
 * Graph's {@code request-id} in the result's {@link
 * dev.handoff.domain.failure.ProviderEvidence#references() evidence}.
 *
 * <p>When an operation's notification does not come, {@link #stateQuery()} reads the call, its
 * participants or the invitation's operation and turns what Graph says into a verdict (see {@link
 * GraphStateQuery}).
 *
 * <p>Graph has no repeatable requests, so requests are sent again only when they certainly did not
 * execute; an ambiguous failure is {@link SubmitResult.Indeterminate} (see {@link GraphTransport}
 * and the README's retry policy). Thread-safe.
 *
 * <p>One method per port operation (each a few lines onto the mapper and transport) and its
 * builder, kept together so that the port's whole Graph surface reads in one place.
 */
public final class GraphCallControl implements CallControl {
  private final URI calls;
  private final GraphTransport transport;
  private final GraphCommandRules rules;
  private final GraphRequestMapper mapper = GraphRequestMapper.INSTANCE;
  private final GraphStateQuery stateQuery;

  private GraphCallControl(URI calls, GraphTransport transport, Cloud cloud) {
    this.calls = calls;
    this.transport = transport;
    this.rules = new GraphCommandRules(cloud);
    this.stateQuery = new GraphStateQuery(calls, transport);
  }

  /**
   * @return a builder; set either {@link Builder#clientCredentials} or {@link
   *     Builder#tokenSupplier}
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return GraphProvider.CAPABILITIES;
  }

  /**
   * Everything in a command Graph cannot carry: the capability check and Graph's own limits.
   *
   * @param command a command
   * @return the violations; empty when Graph can carry all of it
   */
  @Override
  public List<CapabilityViolation> check(CallCommand command) {
    List<CapabilityViolation> all = new ArrayList<>(capabilities().check(command));
    all.addAll(rules.check(command));
    return all;
  }

  /**
   * @return the URL calls are addressed under, e.g. {@code
   *     https://graph.microsoft.com/v1.0/communications/calls}
   */
  public URI callsUrl() {
    return calls;
  }

  /**
   * Graph can be asked how an operation ended: the call, its participants and the invitation's
   * operation resource; see {@link GraphStateQuery} for the rules.
   *
   * @return the state query
   */
  @Override
  public Optional<ProviderStateQuery> stateQuery() {
    return Optional.of(stateQuery);
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    require(command, context);
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        post(command.callId(), "/transfer", mapper.transferRequest(command), clientRequestId);
    return SubmitResults.accepted(exchange, clientRequestId, "transfer");
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    require(command, context);
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        post(
            command.callId(),
            "/participants/invite",
            mapper.inviteRequest(command, context.correlation()),
            clientRequestId);
    return SubmitResults.invite(exchange, clientRequestId);
  }

  /**
   * Always throws: Graph cannot withdraw an invitation.
   *
   * @throws UnsupportedByProviderException always, before anything is sent
   */
  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    require(command, context);
    throw new IllegalStateException(
        "unreachable: cancelling an invitation is not among Graph's capabilities");
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    require(command, context);
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        post(command.callId(), "/redirect", mapper.redirectRequest(command), clientRequestId);
    return SubmitResults.accepted(exchange, clientRequestId, "redirect");
  }

  // ------------------------------------------------------------ warm handoff actions

  /**
   * Lists the call's participants without the application itself: {@code GET
   * /communications/calls/{id}} for its own participant id ({@code myParticipantId}), then {@code
   * GET .../participants}, following Graph's {@code @odata.nextLink} through every page (on the
   * calls' host, at most {@value NextLinks#MAX_PAGES} pages: a longer list is a failure, never a
   * roster cut short). Each participant is named by its identity and its participant id.
   */
  @Override
  public Roster participants(String callId) {
    Objects.requireNonNull(callId, "callId");
    String clientRequestId = newClientRequestId();
    URI callUri = URI.create(calls + "/" + pathSegment(callId));
    Exchange callExchange = transport.send("GET", callUri, null, clientRequestId);
    SubmitResult read = ActionResults.done(callExchange, clientRequestId, "call read");
    if (!(read instanceof SubmitResult.Completed)) {
      return Roster.failed(failureOf(read));
    }
    Optional<String> self =
        readBody(callExchange, CallSummary.class).map(CallSummary::myParticipantId);
    List<Transferee> others = new ArrayList<>();
    URI page = URI.create(callUri + "/participants");
    for (int pages = 1; ; pages++) {
      Exchange listExchange = transport.send("GET", page, null, clientRequestId);
      SubmitResult listed = ActionResults.done(listExchange, clientRequestId, "participant list");
      if (!(listed instanceof SubmitResult.Completed)) {
        return Roster.failed(failureOf(listed));
      }
      Optional<ParticipantCollection> body = readBody(listExchange, ParticipantCollection.class);
      if (body.isEmpty()) {
        return Roster.failed(
            rosterFailure("the participant list could not be read", listed.evidence()));
      }
      addOthers(body.get(), self, others);
      String nextLink = body.get().nextLink();
      if (nextLink == null) {
        return Roster.of(others, listed.evidence());
      }
      if (pages == NextLinks.MAX_PAGES) {
        return Roster.failed(
            rosterFailure(
                "the participant list runs past " + NextLinks.MAX_PAGES + " pages",
                listed.evidence()));
      }
      Optional<URI> next = NextLinks.onHost(calls, nextLink);
      if (next.isEmpty()) {
        return Roster.failed(
            rosterFailure(
                "the participant list's next page is not a URL on "
                    + calls.getHost()
                    + ": "
                    + nextLink,
                listed.evidence()));
      }
      page = next.get();
    }
  }

  private void addOthers(
      ParticipantCollection page, Optional<String> self, List<Transferee> others) {
    List<ParticipantResource> value = page.value() == null ? List.of() : page.value();
    for (ParticipantResource participant : value) {
      if (participant == null || participant.id() == null) {
        continue;
      }
      if (self.filter(participant.id()::equals).isPresent()) {
        continue;
      }
      Optional<Participant> who = RosterIdentities.read(participant, rules.cloud());
      who.ifPresent(p -> others.add(Transferee.of(p, participant.id())));
    }
  }

  private static Failure rosterFailure(String message, ProviderEvidence evidence) {
    return Failure.of(FailureReason.PROVIDER_ERROR, message, evidence);
  }

  private static <T> Optional<T> readBody(Exchange exchange, Class<T> type) {
    if (!(exchange instanceof Exchange.Answered)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          GraphJson.mapper().readValue(((Exchange.Answered) exchange).body(), type));
    } catch (JsonProcessingException unreadable) {
      return Optional.empty();
    }
  }

  private static Failure failureOf(SubmitResult result) {
    if (result instanceof SubmitResult.Rejected) {
      return ((SubmitResult.Rejected) result).failure();
    }
    if (result instanceof SubmitResult.Indeterminate) {
      return ((SubmitResult.Indeterminate) result).failure();
    }
    return Failure.of(FailureReason.PROVIDER_ERROR, "unexpected answer", result.evidence());
  }

  /**
   * {@code POST .../participants/{participantId}/startHoldMusic}: Graph holds a participant by its
   * participant id in the call, which the command must carry.
   */
  @Override
  public SubmitResult hold(HoldParticipant command, SubmitContext context) {
    String participantId = requireAction(command, context, command.participant());
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        post(
            command.callId(),
            "/participants/" + pathSegment(participantId) + "/startHoldMusic",
            GraphActionMapper.INSTANCE.startHoldMusic(command, context.correlation()),
            clientRequestId);
    return ActionResults.operation(exchange, clientRequestId, "startHoldMusic");
  }

  /** {@code POST .../participants/{participantId}/stopHoldMusic}. */
  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    String participantId = requireAction(command, context, command.participant());
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        post(
            command.callId(),
            "/participants/" + pathSegment(participantId) + "/stopHoldMusic",
            GraphActionMapper.INSTANCE.stopHoldMusic(command, context.correlation()),
            clientRequestId);
    return ActionResults.operation(exchange, clientRequestId, "stopHoldMusic");
  }

  /** {@code POST .../playPrompt}, to everyone in the call: Graph cannot play to one participant. */
  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    requireAction(command, context, null);
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        post(
            command.callId(),
            "/playPrompt",
            GraphActionMapper.INSTANCE.playPrompt(command, context.correlation()),
            clientRequestId);
    return ActionResults.operation(exchange, clientRequestId, "playPrompt");
  }

  /** {@code DELETE /communications/calls/{id}}: the application hangs up. */
  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    requireAction(command, context, null);
    String clientRequestId = newClientRequestId();
    Exchange exchange =
        transport.send(
            "DELETE",
            URI.create(calls + "/" + pathSegment(command.callId())),
            null,
            clientRequestId);
    return ActionResults.done(exchange, clientRequestId, "hang-up");
  }

  /**
   * {@code POST /communications/calls}: a peer-to-peer audio call with service-hosted media to the
   * target, whose notifications go to the command's callback URI (required: Graph needs one).
   */
  @Override
  public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    requireAction(command, context, null);
    String clientRequestId = newClientRequestId();
    String json;
    try {
      json = GraphJson.mapper().writeValueAsString(GraphActionMapper.INSTANCE.createCall(command));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise a call", e);
    }
    return ActionResults.placed(transport.post(calls, json, clientRequestId), clientRequestId);
  }

  @Override
  public List<CapabilityViolation> check(ActionCommand command) {
    List<CapabilityViolation> all = new ArrayList<>(capabilities().check(command));
    all.addAll(rules.check(command));
    return all;
  }

  /**
   * @return the participant id the action needs, when it names a participant
   */
  private String requireAction(ActionCommand command, SubmitContext context, Transferee who) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(context, "context");
    List<CapabilityViolation> violations = check(command);
    if (!violations.isEmpty()) {
      throw new UnsupportedByProviderException(capabilities().provider(), violations);
    }
    return who == null ? null : who.callParticipantId().orElseThrow();
  }

  private void require(CallCommand command, SubmitContext context) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(context, "context");
    capabilities().requireSupported(command);
    rules.require(command);
  }

  private static String newClientRequestId() {
    return UUID.randomUUID().toString();
  }

  private Exchange post(String callId, String action, Object body, String clientRequestId) {
    String json;
    try {
      json = GraphJson.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "could not serialise a " + body.getClass().getSimpleName(), e);
    }
    URI uri = URI.create(calls + "/" + pathSegment(callId) + action);
    return transport.post(uri, json, clientRequestId);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters. */
  static String pathSegment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * Builds a {@link GraphCallControl}.
   *
   * <p>Defaults: API version {@link GraphApiVersion#V1_0}, the {@link Cloud#PUBLIC} cloud (base URL
   * {@code https://graph.microsoft.com}, token endpoint {@code
   * https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}, scope {@code
   * https://graph.microsoft.com/.default}), {@link GraphOptions#defaults()}. For the US government
   * clouds: {@link Cloud#GCCH} uses {@code https://graph.microsoft.us} and {@link Cloud#DOD} {@code
   * https://dod-graph.microsoft.us}, both with {@code https://login.microsoftonline.us}.
   */
  public static final class Builder {
    private String tenantId;
    private String clientId;
    private String clientSecret;
    private URI tokenEndpoint;
    private URI authorityHost;
    private AccessTokenSupplier tokenSupplier;
    private URI baseUrl;
    private GraphApiVersion apiVersion = GraphApiVersion.V1_0;
    private Cloud cloud = Cloud.PUBLIC;
    private GraphOptions options = GraphOptions.defaults();

    private Builder() {}

    /**
     * Authenticates with OAuth 2.0 client credentials (application permissions {@code
     * Calls.Initiate.All}, and {@code Calls.InitiateGroupCall.All} for invite).
     *
     * @param tenantId the tenant (GUID or domain) that consented
     * @param clientId the application (client) id
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder clientCredentials(String tenantId, String clientId, String clientSecret) {
      this.tenantId = tenantId;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * @param value the token endpoint for client credentials; default the cloud's {@code
     *     /{tenant}/oauth2/v2.0/token}
     * @return this builder
     */
    public Builder tokenEndpoint(URI value) {
      tokenEndpoint = value;
      return this;
    }

    /**
     * @param value the Microsoft Entra authority host the token endpoint {@code
     *     /{tenant}/oauth2/v2.0/token} is under, as azure-identity names it; default the cloud's
     *     ({@code https://login.microsoftonline.com}). An emulator's base URL serves as both
     * @return this builder
     */
    public Builder authorityHost(URI value) {
      authorityHost = value;
      return this;
    }

    /**
     * Authenticates with tokens from elsewhere (a managed identity, a certificate flow, a test).
     *
     * @param value the supplier
     * @return this builder
     */
    public Builder tokenSupplier(AccessTokenSupplier value) {
      tokenSupplier = value;
      return this;
    }

    /**
     * @param value Graph's base URL, without the version; default the cloud's Graph endpoint. Must
     *     be https; plain http is accepted for loopback hosts (an emulator)
     * @return this builder
     */
    public Builder baseUrl(URI value) {
      baseUrl = value;
      return this;
    }

    /**
     * @param value the API version; default {@link GraphApiVersion#V1_0}
     * @return this builder
     */
    public Builder apiVersion(GraphApiVersion value) {
      apiVersion = Objects.requireNonNull(value, "apiVersion");
      return this;
    }

    /**
     * @param value the cloud the bot lives in; default {@link Cloud#PUBLIC}. Teams identities of
     *     other clouds are refused, as Graph identities carry no cloud
     * @return this builder
     */
    public Builder cloud(Cloud value) {
      cloud = Objects.requireNonNull(value, "cloud");
      return this;
    }

    /**
     * @param value timeouts, retry bounds, HTTP client, clock and sleeper
     * @return this builder
     */
    public Builder options(GraphOptions value) {
      options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * @return the adapter
     * @throws IllegalArgumentException naming every invalid or missing setting
     */
    public GraphCallControl build() {
      List<String> problems = new ArrayList<>();
      boolean credentials = tenantId != null || clientId != null || clientSecret != null;
      if (credentials == (tokenSupplier != null)) {
        problems.add("set exactly one of clientCredentials(...) and tokenSupplier(...)");
      }
      if ((tokenEndpoint != null || authorityHost != null) && !credentials) {
        problems.add("tokenEndpoint and authorityHost apply only to clientCredentials(...)");
      }
      if (authorityHost != null && Endpoints.problem(authorityHost) != null) {
        problems.add("authorityHost " + Endpoints.problem(authorityHost) + ": " + authorityHost);
      }
      if (tokenEndpoint != null && Endpoints.problem(tokenEndpoint) != null) {
        problems.add("tokenEndpoint " + Endpoints.problem(tokenEndpoint) + ": " + tokenEndpoint);
      }
      if (!apiVersion.availableIn(cloud)) {
        problems.add(
            "apiVersion "
                + apiVersion.pathSegment()
                + " serves cloud communications in the public cloud only, not "
                + cloud.wireName());
      }
      URI base = baseUrl != null ? baseUrl : URI.create(graphRoot(cloud));
      String baseProblem = Endpoints.problem(base);
      if (baseProblem != null) {
        problems.add("baseUrl " + baseProblem + ": " + base);
      } else if (base.getRawQuery() != null) {
        problems.add("baseUrl must not carry a query: " + base);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid GraphCallControl configuration: " + String.join("; ", problems));
      }
      HttpClient client = options.clientOrDefault();
      AccessTokenSupplier tokens =
          tokenSupplier != null
              ? tokenSupplier
              : ClientCredentialsTokenProvider.builder(tenantId, clientId, clientSecret)
                  .authority(
                      authorityHost != null
                          ? authorityHost.toString().replaceAll("/+$", "")
                          : authority(cloud))
                  .tokenEndpoint(tokenEndpoint)
                  .scope(graphRoot(cloud) + "/.default")
                  .httpClient(client)
                  .clock(options.clock())
                  .requestTimeout(options.attemptTimeout())
                  .build();
      String root = base.toString().replaceAll("/+$", "");
      URI calls = URI.create(root + "/" + apiVersion.pathSegment() + "/communications/calls");
      return new GraphCallControl(calls, new GraphTransport(client, tokens, options), cloud);
    }

    private static String graphRoot(Cloud cloud) {
      switch (cloud) {
        case GCCH:
          return "https://graph.microsoft.us";
        case DOD:
          return "https://dod-graph.microsoft.us";
        default:
          return "https://graph.microsoft.com";
      }
    }

    private static String authority(Cloud cloud) {
      return cloud == Cloud.PUBLIC
          ? "https://login.microsoftonline.com"
          : "https://login.microsoftonline.us";
    }
  }
}
