package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import dev.handoff.domain.Violations;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the API and their conversion to commands. */
public final class Requests {
  private Requests() {}

  /**
   * A transfer of the call in the path.
   *
   * @param target the transfer target
   * @param transferee who is transferred; required by providers for calls with more than two
   *     parties
   * @param replacesCallId for a consultative transfer: the consultation call the target is in
   * @param context context for the target
   * @param operationContext your correlation string, returned with every change
   * @param callbackUri where this operation's provider events go instead of the default
   * @param sourceCallerId the caller id shown to a phone target (E.164)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "TransferRequest")
  public record TransferRequest(
      @Schema(required = true) ParticipantJson target,
      TransfereeJson transferee,
      @Fills({"mode.replacesCallId", "mode"}) String replacesCallId,
      @Fills("callingContext") CallingContextJson context,
      String operationContext,
      String callbackUri,
      String sourceCallerId) {

    /**
     * @param callId the call being transferred
     * @return the command
     * @throws ValidationException listing every broken rule with its JSON path
     */
    public CallTransfer toCommand(String callId) {
      Violations v = Violations.of("TransferRequest");
      v.required("target", target);
      Participant to = target == null ? null : v.nested("target", target::toDomain);
      Transferee who = transferee == null ? null : v.nested("transferee", transferee::toDomain);
      CallingContext calling = context == null ? null : v.nested("context", context::toDomain);
      PhoneNumber callerId = phone(v, "sourceCallerId", sourceCallerId);
      URI callback = uri(v, "callbackUri", callbackUri);
      TransferMode mode =
          replacesCallId == null
              ? TransferMode.blind()
              : v.nested("", () -> TransferMode.consultative(replacesCallId));
      return build(
          v,
          TransferRequest.class,
          () ->
              CallTransfer.builder(callId, to)
                  .transferee(who)
                  .mode(mode)
                  .callingContext(calling)
                  .operationContext(operationContext)
                  .sourceCallerId(callerId)
                  .callbackUri(callback)
                  .build());
    }

    /**
     * @param command a transfer
     * @return the request that describes it
     */
    public static TransferRequest of(CallTransfer command) {
      return new TransferRequest(
          ParticipantJson.of(command.target()),
          command.transferee().map(TransfereeJson::of).orElse(null),
          command.mode() instanceof TransferMode.Consultative
              ? ((TransferMode.Consultative) command.mode()).replacesCallId()
              : null,
          CallingContextJson.of(command.callingContext()),
          command.operationContext().orElse(null),
          command.callbackUri().map(URI::toString).orElse(null),
          command.sourceCallerId().map(PhoneNumber::value).orElse(null));
    }
  }

  /**
   * The transferee.
   *
   * @param participant who is transferred
   * @param callParticipantId the provider's id of that participant in the call (Graph)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Transferee")
  public record TransfereeJson(ParticipantJson participant, String callParticipantId) {
    Transferee toDomain() {
      Violations v = Violations.of("Transferee");
      v.required("participant", participant);
      Participant who = participant == null ? null : v.nested("participant", participant::toDomain);
      return build(
          v,
          TransfereeJson.class,
          () -> new Transferee(who, Optional.ofNullable(callParticipantId)));
    }

    static TransfereeJson of(Transferee transferee) {
      return new TransfereeJson(
          ParticipantJson.of(transferee.participant()),
          transferee.callParticipantId().orElse(null));
    }
  }

  /**
   * An invitation into the call in the path.
   *
   * @param participant who is invited
   * @param invitationTimeoutSeconds how long it rings, 0 to 180
   * @param sourceCallerId the caller id shown to a phone invitee (E.164)
   * @param sourceDisplayName the name shown to the invitee
   * @param context context for the invitee
   * @param operationContext your correlation string
   * @param callbackUri where this operation's provider events go instead of the default
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "AddParticipantRequest")
  public record AddParticipantRequest(
      @Schema(required = true) ParticipantJson participant,
      @Fills("invitationTimeout") Integer invitationTimeoutSeconds,
      String sourceCallerId,
      String sourceDisplayName,
      @Fills("callingContext") CallingContextJson context,
      String operationContext,
      String callbackUri) {

    /**
     * @param callId the call to add to
     * @return the command
     * @throws ValidationException listing every broken rule with its JSON path
     */
    public AddParticipant toCommand(String callId) {
      Violations v = Violations.of("AddParticipantRequest");
      v.required("participant", participant);
      Participant who = participant == null ? null : v.nested("participant", participant::toDomain);
      CallingContext calling = context == null ? null : v.nested("context", context::toDomain);
      PhoneNumber callerId = phone(v, "sourceCallerId", sourceCallerId);
      URI callback = uri(v, "callbackUri", callbackUri);
      return build(
          v,
          AddParticipantRequest.class,
          () ->
              AddParticipant.builder(callId, who)
                  .invitationTimeout(
                      invitationTimeoutSeconds == null
                          ? null
                          : Duration.ofSeconds(invitationTimeoutSeconds))
                  .sourceCallerId(callerId)
                  .sourceDisplayName(sourceDisplayName)
                  .callingContext(calling)
                  .operationContext(operationContext)
                  .callbackUri(callback)
                  .build());
    }

    /**
     * @param command an add
     * @return the request that describes it
     */
    public static AddParticipantRequest of(AddParticipant command) {
      return new AddParticipantRequest(
          ParticipantJson.of(command.participant()),
          command.invitationTimeout().map(d -> (int) d.getSeconds()).orElse(null),
          command.sourceCallerId().map(PhoneNumber::value).orElse(null),
          command.sourceDisplayName().orElse(null),
          CallingContextJson.of(command.callingContext()),
          command.operationContext().orElse(null),
          command.callbackUri().map(URI::toString).orElse(null));
    }
  }

  /**
   * A redirect of the incoming call in the path.
   *
   * @param incomingCallContext the opaque context reported with the incoming call
   * @param targets where the call goes
   * @param ringTimeoutSeconds how long the targets ring, where the provider has one
   * @param operationContext your correlation string
   * @param callbackUri where the call's further events go, where the provider supports it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "RedirectRequest")
  public record RedirectRequest(
      @Schema(required = true) String incomingCallContext,
      @Schema(required = true) List<ParticipantJson> targets,
      @Fills("ringTimeout") Integer ringTimeoutSeconds,
      String operationContext,
      String callbackUri) {

    /**
     * @param callId the incoming call's id
     * @return the command
     * @throws ValidationException listing every broken rule with its JSON path
     */
    public RedirectCall toCommand(String callId) {
      Violations v = Violations.of("RedirectRequest");
      List<Participant> to = new ArrayList<>();
      if (targets != null) {
        for (int i = 0; i < targets.size(); i++) {
          ParticipantJson target = targets.get(i);
          to.add(target == null ? null : v.nested("targets[" + i + "]", target::toDomain));
        }
      }
      URI callback = uri(v, "callbackUri", callbackUri);
      return build(
          v,
          RedirectRequest.class,
          () ->
              RedirectCall.builder(callId, incomingCallContext, to)
                  .ringTimeout(
                      ringTimeoutSeconds == null ? null : Duration.ofSeconds(ringTimeoutSeconds))
                  .operationContext(operationContext)
                  .callbackUri(callback)
                  .build());
    }

    /**
     * @param command a redirect
     * @return the request that describes it
     */
    public static RedirectRequest of(RedirectCall command) {
      return new RedirectRequest(
          command.incomingCallContext(),
          command.targets().stream().map(ParticipantJson::of).collect(Collectors.toList()),
          command.ringTimeout().map(d -> (int) d.getSeconds()).orElse(null),
          command.operationContext().orElse(null),
          command.callbackUri().map(URI::toString).orElse(null));
    }
  }

  /**
   * @param callId the call
   * @param invitationId the invitation
   * @return the cancellation command
   * @throws ValidationException listing every broken rule
   */
  public static CancelAddParticipant cancel(String callId, String invitationId) {
    Violations v = Violations.of("CancelAddParticipant");
    return build(v, () -> CancelAddParticipant.of(callId, invitationId));
  }

  /** Reads a phone number given as a plain JSON string: its violations belong to the string. */
  static PhoneNumber phone(Violations v, String path, String number) {
    if (number == null) {
      return null;
    }
    try {
      return PhoneNumber.of(number);
    } catch (ValidationException invalid) {
      invalid
          .violations()
          .forEach(broken -> v.add(path, broken.rule(), broken.shownValue().orElse(null)));
      return null;
    }
  }

  static URI uri(Violations v, String path, String value) {
    if (value == null) {
      return null;
    }
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException malformed) {
      v.check(false, path, "must be a URI", value);
      return null;
    }
  }

  /**
   * Builds the command when its parts were valid and throws every violation, in the request's JSON
   * terms and pruned of "is required" entries for parts that were given but invalid (their own
   * violations say why).
   */
  static <T> T build(
      Violations v, Class<? extends Record> request, java.util.function.Supplier<T> construction) {
    T built = v.nested("", construction);
    List<Violation> found = v.found();
    if (!found.isEmpty()) {
      JsonFieldPaths paths = JsonFieldPaths.of(request);
      throw new ValidationException(
          "request",
          prune(
              found.stream()
                  .map(x -> new Violation(paths.toJson(x.path()), x.rule(), x.shownValue()))
                  .collect(Collectors.toList())));
    }
    return built;
  }

  /** Builds a command whose parts all come from the URL path, named as the model names them. */
  private static <T> T build(Violations v, java.util.function.Supplier<T> construction) {
    T built = v.nested("", construction);
    List<Violation> found = v.found();
    if (!found.isEmpty()) {
      throw new ValidationException("request", prune(found));
    }
    return built;
  }

  private static List<Violation> prune(List<Violation> violations) {
    List<Violation> kept = new ArrayList<>();
    for (Violation violation : violations) {
      boolean explainedBelow =
          violation.rule().equals("is required")
              && violations.stream()
                  .anyMatch(
                      other ->
                          other.path().startsWith(violation.path() + ".")
                              || other.path().startsWith(violation.path() + "["));
      if (!explainedBelow && !kept.contains(violation)) {
        kept.add(violation);
      }
    }
    return kept;
  }
}
