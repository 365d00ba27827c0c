package dev.handoff.adapter.acs;

import dev.handoff.adapter.acs.http.AcsHttpTransport;
import dev.handoff.adapter.acs.http.ConnectionString;
import dev.handoff.adapter.acs.http.Endpoints;
import dev.handoff.adapter.acs.http.Exchange;
import dev.handoff.adapter.acs.http.HttpDates;
import dev.handoff.adapter.acs.http.RequestAuthenticator;
import dev.handoff.adapter.acs.http.ResponseInterpreter;
import dev.handoff.adapter.acs.http.TransportSettings;
import dev.handoff.adapter.acs.mapping.AcsActionMapper;
import dev.handoff.adapter.acs.mapping.AcsRequestMapper;
import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.mapping.WireStyle;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.CallParticipant;
import dev.handoff.adapter.acs.wire.GetParticipantsResponse;
import dev.handoff.adapter.acs.wire.json.RequestWriter;
import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link CallControl} port on Azure Communication Services Call Automation.
 *
 * <pre>{@code
 * CallControl acs = AcsCallControl.builder()
 *     .connectionString("endpoint=https://contoso.communication.azure.com/;accesskey=...")
 *     .options(AcsOptions.builder().overallTimeout(Duration.ofSeconds(20)).build())
 *     .build();
 * SubmitResult result = acs.transfer(transfer, SubmitContext.standalone(transfer, clock));
 * }</pre>
 *
 * <p>Operations and their answers:
 *
 * <ul>
 *   <li>transfer: {@code POST /calling/callConnections/{callId}:transferToParticipant}, 202 →
 *       {@link SubmitResult.Accepted}; {@code CallTransferAccepted} or {@code CallTransferFailed}
 *       follow.
 *   <li>add: {@code POST /calling/callConnections/{callId}/participants:add}, 202 → {@link
 *       SubmitResult.Accepted} with the invitation id.
 *   <li>cancel add: {@code POST
 *       /calling/callConnections/{callId}/participants:cancelAddParticipant}, 202 → {@link
 *       SubmitResult.Accepted}.
 *   <li>redirect: {@code POST /calling/callConnections:redirect}, 204 → {@link
 *       SubmitResult.Completed} (ACS publishes no redirect events). The command's call id is not
 *       sent: ACS identifies the call by the incoming call context.
 * </ul>
 *
 * <p>A warm handoff's actions: hold ({@code POST …:hold}, 200 → {@link SubmitResult.Completed}),
 * resume ({@code POST …:unhold}, 200 → Completed), play to one participant ({@code POST …:play},
 * 202 → Accepted; {@code PlayCompleted} or {@code PlayFailed} follow), remove a participant ({@code
 * POST …/participants:remove}, 202 → Accepted; {@code RemoveParticipantSucceeded} or {@code
 * RemoveParticipantFailed} follow), hang up the application's leg ({@code DELETE
 * /calling/callConnections/{callId}}, 204 → Completed) and list the participants ({@code GET
 * …/participants}). Only add, cancel, remove and transfer carry repeatability headers (the others
 * have none in the spec): hold, unhold, hang-up and the list are retried as their effect is the
 * same when repeated; play is retried only when it certainly did not execute.
 *
 * <p>When an operation's result event does not come, {@link #stateQuery()} asks ACS for the call
 * connection ({@code GET /calling/callConnections/{callId}}) and its participants ({@code GET
 * .../participants}) and turns what it says into a verdict (see {@link AcsStateQuery}).
 *
 * <p>Each method first checks the command against {@link #capabilities()} and throws {@link
 * dev.handoff.domain.provider.UnsupportedByProviderException} without sending anything when ACS
 * cannot carry it. The wire {@code operationContext} is {@link SubmitContext#correlation()}. The
 * repeatability headers come from {@link SubmitContext#submission()} and are the same on every
 * attempt; see {@link AcsHttpTransport} for retries and {@link ResponseInterpreter} for how answers
 * become results. Provider failures are returned, never thrown. Thread-safe.
 *
 * <p>One method per port operation (each a few lines onto the mapper and transport) and its
 * builder, kept together so that the port's whole ACS surface reads in one place.
 */
public final class AcsCallControl implements CallControl {
  private final URI endpoint;
  private final AcsOptions options;
  private final WireStyle style;
  private final AcsHttpTransport transport;
  private final Optional<PhoneNumber> defaultSourceCallerId;
  private final ProviderCapabilities capabilities;
  private final AcsStateQuery stateQuery;

  private AcsCallControl(
      URI endpoint,
      RequestAuthenticator authenticator,
      AcsOptions options,
      Optional<PhoneNumber> defaultSourceCallerId) {
    this.endpoint = endpoint;
    this.options = options;
    this.defaultSourceCallerId = defaultSourceCallerId;
    this.capabilities =
        defaultSourceCallerId.isPresent()
            ? AcsProvider.capabilitiesWithDefaultSourceCallerId()
            : AcsProvider.CAPABILITIES;
    this.style = new WireStyle(options.rawIdsInRequests());
    HttpClient client =
        options
            .httpClient()
            .orElseGet(
                () ->
                    HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(options.attemptTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    RetryPolicy retry = options.retryPolicy();
    this.transport =
        new AcsHttpTransport(
            client,
            authenticator,
            new TransportSettings(
                retry.maxAttempts(),
                retry.backoff(),
                options.attemptTimeout(),
                options.overallTimeout(),
                options.clock(),
                options.sleeper(),
                () -> ThreadLocalRandom.current().nextDouble()));
    this.stateQuery = new AcsStateQuery(endpoint, options.apiVersion(), transport);
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the resource endpoint requests go to
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * @return the options in use
   */
  public AcsOptions options() {
    return options;
  }

  /**
   * @return the number shown to phone invitees when an add names none, if one is configured
   */
  public Optional<PhoneNumber> defaultSourceCallerId() {
    return defaultSourceCallerId;
  }

  /**
   * @return {@link AcsProvider#CAPABILITIES}; with a {@linkplain Builder#defaultSourceCallerId
   *     default source caller id}, the same without the requirement that a phone invitation name
   *     one
   */
  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  /**
   * ACS can be asked how an operation ended: the call connection and its participants; see {@link
   * AcsStateQuery} for the rules.
   *
   * @return the state query
   */
  @Override
  public Optional<ProviderStateQuery> stateQuery() {
    return Optional.of(stateQuery);
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    check(command, context);
    return send(
        OperationKind.TRANSFER,
        callPath(command.callId()) + ":transferToParticipant",
        RequestWriter.write(
            AcsRequestMapper.INSTANCE.transfer(command, context.correlation(), style)),
        context);
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    check(command, context);
    return send(
        OperationKind.ADD_PARTICIPANT,
        callPath(command.callId()) + "/participants:add",
        RequestWriter.write(
            AcsRequestMapper.INSTANCE.add(withCallerId(command), context.correlation(), style)),
        context);
  }

  /** The add with the default caller id when it invites a phone number and names none. */
  private AddParticipant withCallerId(AddParticipant add) {
    if (!(add.participant() instanceof PhoneNumber)
        || add.sourceCallerId().isPresent()
        || defaultSourceCallerId.isEmpty()) {
      return add;
    }
    return new AddParticipant(
        add.callId(),
        add.participant(),
        add.invitationTimeout(),
        defaultSourceCallerId,
        add.sourceDisplayName(),
        add.callingContext(),
        add.operationContext(),
        add.callbackUri());
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    check(command, context);
    return send(
        OperationKind.CANCEL_ADD_PARTICIPANT,
        callPath(command.callId()) + "/participants:cancelAddParticipant",
        RequestWriter.write(AcsRequestMapper.INSTANCE.cancel(command, context.correlation())),
        context);
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    check(command, context);
    return send(
        OperationKind.REDIRECT,
        "/calling/callConnections:redirect",
        RequestWriter.write(AcsRequestMapper.INSTANCE.redirect(command, style)),
        context);
  }

  /** The actions whose requests carry repeatability headers in the spec. */
  private static final Set<CallAction> REPEATABLE =
      EnumSet.of(
          CallAction.ADD_PARTICIPANT,
          CallAction.CANCEL_ADD_PARTICIPANT,
          CallAction.REMOVE_PARTICIPANT,
          CallAction.TRANSFER);

  @Override
  public boolean repeatable(CallAction action) {
    return REPEATABLE.contains(action);
  }

  @Override
  public SubmitResult hold(HoldParticipant command, SubmitContext context) {
    check(command, context);
    return sendAction(
        "POST",
        callPath(command.callId()) + ":hold",
        RequestWriter.write(AcsActionMapper.INSTANCE.hold(command, context.correlation(), style)),
        AcsHttpTransport.Mode.SAME_EFFECT,
        true);
  }

  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    check(command, context);
    return sendAction(
        "POST",
        callPath(command.callId()) + ":unhold",
        RequestWriter.write(AcsActionMapper.INSTANCE.unhold(command, context.correlation(), style)),
        AcsHttpTransport.Mode.SAME_EFFECT,
        true);
  }

  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    check(command, context);
    return sendAction(
        "POST",
        callPath(command.callId()) + ":play",
        RequestWriter.write(AcsActionMapper.INSTANCE.play(command, context.correlation(), style)),
        AcsHttpTransport.Mode.ONCE,
        false);
  }

  @Override
  public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    check(command, context);
    URI uri = uri(callPath(command.callId()) + "/participants:remove");
    byte[] json =
        RequestWriter.write(AcsActionMapper.INSTANCE.remove(command, context.correlation(), style));
    String clientRequestId = UUID.randomUUID().toString();
    Map<String, String> sent = repeatableIds(clientRequestId, context);
    Exchange exchange = transport.post(uri, json, context.submission(), clientRequestId);
    return ResponseInterpreter.interpretAction(exchange, sent, false, true);
  }

  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    check(command, context);
    return sendAction(
        "DELETE", callPath(command.callId()), null, AcsHttpTransport.Mode.SAME_EFFECT, true);
  }

  /**
   * Lists the call's participants ({@code GET /calling/callConnections/{callId}/participants},
   * following {@code nextLink}). ACS lists the participants other than the application itself, and
   * has no participant ids: each is named by its identifier.
   */
  @Override
  public Roster participants(String callId) {
    Objects.requireNonNull(callId, "callId");
    List<Transferee> found = new ArrayList<>();
    URI next = uri(callPath(callId) + "/participants");
    ProviderEvidence evidence = ProviderEvidence.NONE;
    for (int page = 0; next != null; page++) {
      if (page == MAX_PARTICIPANT_PAGES) {
        return Roster.failed(
            Failure.of(
                FailureReason.PROVIDER_ERROR,
                "the participant list goes on beyond " + MAX_PARTICIPANT_PAGES + " pages",
                evidence));
      }
      String clientRequestId = UUID.randomUUID().toString();
      Map<String, String> sent = Map.of(AcsHttpTransport.CLIENT_REQUEST_ID, clientRequestId);
      Exchange exchange =
          transport.send("GET", next, null, AcsHttpTransport.Mode.SAME_EFFECT, clientRequestId);
      SubmitResult result = ResponseInterpreter.interpretAction(exchange, sent, true, false);
      if (!(result instanceof SubmitResult.Completed)) {
        return Roster.failed(failureOf(result));
      }
      evidence = result.evidence();
      GetParticipantsResponse body;
      try {
        body =
            AcsJson.mapper()
                .readValue(((Exchange.Answered) exchange).body(), GetParticipantsResponse.class);
      } catch (IOException e) {
        return Roster.failed(
            Failure.of(
                FailureReason.PROVIDER_ERROR,
                "the participant list could not be read: " + e.getMessage(),
                evidence));
      }
      List<CallParticipant> value = body.value() == null ? List.of() : body.value();
      for (int i = 0; i < value.size(); i++) {
        try {
          CallParticipant participant = value.get(i);
          found.add(
              Transferee.of(
                  ParticipantReader.read(
                      participant == null ? null : participant.identifier(),
                      "value[" + i + "].identifier")));
        } catch (WireFormatException | dev.handoff.domain.ValidationException e) {
          return Roster.failed(
              Failure.of(
                  FailureReason.PROVIDER_ERROR,
                  "the participant list could not be read: " + e.getMessage(),
                  evidence));
        }
      }
      next =
          body.nextLink() == null || body.nextLink().isBlank()
              ? null
              : endpoint.resolve(body.nextLink());
    }
    return Roster.of(found, evidence);
  }

  private static final int MAX_PARTICIPANT_PAGES = 20;

  private static Failure failureOf(SubmitResult result) {
    if (result instanceof SubmitResult.Rejected) {
      return ((SubmitResult.Rejected) result).failure();
    }
    if (result instanceof SubmitResult.Indeterminate) {
      return ((SubmitResult.Indeterminate) result).failure();
    }
    return Failure.of(FailureReason.PROVIDER_ERROR, "unexpected answer", result.evidence());
  }

  private SubmitResult sendAction(
      String method, String path, byte[] json, AcsHttpTransport.Mode mode, boolean finalOnSuccess) {
    String clientRequestId = UUID.randomUUID().toString();
    Map<String, String> sent = Map.of(AcsHttpTransport.CLIENT_REQUEST_ID, clientRequestId);
    Exchange exchange = transport.send(method, uri(path), json, mode, clientRequestId);
    return ResponseInterpreter.interpretAction(exchange, sent, finalOnSuccess, false);
  }

  private void check(ActionCommand command, SubmitContext context) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(context, "context");
    capabilities().requireSupported(command);
  }

  private URI uri(String path) {
    return URI.create(endpoint + path + "?api-version=" + options.apiVersion());
  }

  private static Map<String, String> repeatableIds(String clientRequestId, SubmitContext context) {
    Map<String, String> sent = new LinkedHashMap<>();
    sent.put(AcsHttpTransport.CLIENT_REQUEST_ID, clientRequestId);
    sent.put(
        AcsHttpTransport.REPEATABILITY_REQUEST_ID, context.submission().requestId().toString());
    sent.put(
        AcsHttpTransport.REPEATABILITY_FIRST_SENT,
        HttpDates.format(context.submission().firstSent()));
    return sent;
  }

  private void check(CallCommand command, SubmitContext context) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(context, "context");
    capabilities().requireSupported(command);
  }

  private static String callPath(String callId) {
    return "/calling/callConnections/" + PathSegment.encode(callId);
  }

  private SubmitResult send(OperationKind kind, String path, byte[] json, SubmitContext context) {
    URI uri = URI.create(endpoint + path + "?api-version=" + options.apiVersion());
    String clientRequestId = UUID.randomUUID().toString();
    Map<String, String> sent = new LinkedHashMap<>();
    sent.put(AcsHttpTransport.CLIENT_REQUEST_ID, clientRequestId);
    sent.put(
        AcsHttpTransport.REPEATABILITY_REQUEST_ID, context.submission().requestId().toString());
    sent.put(
        AcsHttpTransport.REPEATABILITY_FIRST_SENT,
        HttpDates.format(context.submission().firstSent()));
    Exchange exchange = transport.post(uri, json, context.submission(), clientRequestId);
    return ResponseInterpreter.interpret(kind, exchange, sent);
  }

  @Override
  public String toString() {
    return "AcsCallControl[" + endpoint + ", api-version " + options.apiVersion() + "]";
  }

  /**
   * Builds an {@link AcsCallControl} from either a connection string (HMAC-SHA256 with the access
   * key) or an endpoint and a Microsoft Entra token supplier (bearer tokens for the scope {@code
   * https://communication.azure.com//.default}; obtaining and caching them is the caller's
   * business). Plain {@code http} endpoints are refused unless the host is loopback.
   */
  public static final class Builder {
    private String connectionString;
    private URI endpoint;
    private RequestAuthenticator.TokenSupplier tokenSupplier;
    private AcsOptions options = AcsOptions.defaults();
    private PhoneNumber defaultSourceCallerId;

    private Builder() {}

    /**
     * ACS invites a phone number only with a source caller id, a number of the resource (or of its
     * direct routing). Without a default, an add of a phone number that names none is refused
     * before anything is sent; with one, such an add carries this number.
     *
     * @param value one of the resource's phone numbers
     * @return this builder
     */
    public Builder defaultSourceCallerId(PhoneNumber value) {
      Objects.requireNonNull(value, "defaultSourceCallerId");
      if (value.anonymous()) {
        throw new IllegalArgumentException(
            "defaultSourceCallerId: must be a real number, not the anonymous caller");
      }
      defaultSourceCallerId = value;
      return this;
    }

    /**
     * @param value {@code endpoint=https://...;accesskey=...}
     * @return this builder
     */
    public Builder connectionString(String value) {
      connectionString = value;
      return this;
    }

    /**
     * @param value the resource endpoint, for token authentication
     * @return this builder
     */
    public Builder endpoint(URI value) {
      endpoint = value;
      return this;
    }

    /**
     * @param value supplies Microsoft Entra access tokens; called on every attempt
     * @return this builder
     */
    public Builder tokenSupplier(RequestAuthenticator.TokenSupplier value) {
      tokenSupplier = value;
      return this;
    }

    /**
     * @param value the options
     * @return this builder
     */
    public Builder options(AcsOptions value) {
      options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * @return the adapter
     * @throws IllegalArgumentException when the credentials are missing, mixed or malformed, or the
     *     endpoint is not https (or http to loopback)
     */
    public AcsCallControl build() {
      boolean byKey = connectionString != null;
      boolean byToken = endpoint != null || tokenSupplier != null;
      if (byKey == byToken) {
        throw new IllegalArgumentException(
            "give either connectionString(...) or endpoint(...) with tokenSupplier(...), not "
                + (byKey ? "both" : "neither"));
      }
      if (byKey) {
        ConnectionString parsed = ConnectionString.parse(connectionString);
        return new AcsCallControl(
            parsed.endpoint(),
            RequestAuthenticator.hmac(parsed.accessKey()),
            options,
            Optional.ofNullable(defaultSourceCallerId));
      }
      if (endpoint == null) {
        throw new IllegalArgumentException("endpoint: is required with a token supplier");
      }
      if (tokenSupplier == null) {
        throw new IllegalArgumentException("tokenSupplier: is required with an endpoint");
      }
      return new AcsCallControl(
          Endpoints.requireServiceEndpoint(endpoint, "endpoint"),
          RequestAuthenticator.bearer(tokenSupplier),
          options,
          Optional.ofNullable(defaultSourceCallerId));
    }
  }
}
