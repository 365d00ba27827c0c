package dev.handoff.contract.port;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands the suite submits: one per feature, aimed at the platform's parties. */
final class Commands {
  /** Where the model reports each optional feature when an adapter cannot carry it. */
  static final Map<Capability, String> REFUSAL_PATHS;

  static {
    Map<Capability, String> paths = new EnumMap<>(Capability.class);
    paths.put(Capability.TRANSFEREE_PARTICIPANT_ID, "transferee.callParticipantId");
    paths.put(Capability.TRANSFER_SOURCE_CALLER_ID, "sourceCallerId");
    paths.put(Capability.TRANSFER_CALLBACK_OVERRIDE, "callbackUri");
    paths.put(Capability.INVITATION_TIMEOUT, "invitationTimeout");
    paths.put(Capability.ADD_SOURCE_CALLER_ID, "sourceCallerId");
    paths.put(Capability.SOURCE_DISPLAY_NAME, "sourceDisplayName");
    paths.put(Capability.ADD_CALLBACK_OVERRIDE, "callbackUri");
    paths.put(Capability.CANCEL_CALLBACK_OVERRIDE, "callbackUri");
    paths.put(Capability.REDIRECT_RING_TIMEOUT, "ringTimeout");
    paths.put(Capability.REDIRECT_CALLBACK_OVERRIDE, "callbackUri");
    paths.put(Capability.SIP_HEADERS, "callingContext.sipHeaders");
    paths.put(Capability.USER_TO_USER, "callingContext.userToUser");
    paths.put(Capability.VOIP_HEADERS, "callingContext.voipHeaders");
    paths.put(Capability.TEAMS_PHONE_CALL_DETAILS, "callingContext.teamsPhoneCallDetails");
    paths.put(Capability.PARTICIPANT_DISPLAY_NAME, "target.displayName");
    REFUSAL_PATHS = Collections.unmodifiableMap(paths);
  }

  /** The display name the suite sends. */
  static final String DISPLAY_NAME = "Handoff contract suite";

  /** The invitation timeout the suite sends. */
  static final long INVITATION_SECONDS = 30;

  // The kinds tried, in order, for a feature that needs just some reachable party.
  private static final List<ParticipantKind> PREFERRED =
      List.of(
          ParticipantKind.PHONE_NUMBER,
          ParticipantKind.TEAMS_USER,
          ParticipantKind.ACS_USER,
          ParticipantKind.TEAMS_APP,
          ParticipantKind.TEAMS_EXTENSION_USER,
          ParticipantKind.RAW);

  private final CallControlTestPlatform platform;

  Commands(CallControlTestPlatform platform) {
    this.platform = platform;
  }

  private ProviderCapabilities capabilities() {
    return platform.callControl().capabilities();
  }

  /** The first kind the adapter addresses, in the order phone, Teams user, ACS user, ... */
  ParticipantKind defaultKind() {
    return kindFor(PREFERRED);
  }

  private ParticipantKind kindFor(List<ParticipantKind> preferred) {
    for (ParticipantKind kind : preferred) {
      if (capabilities().addressable().contains(kind)) {
        return kind;
      }
    }
    for (ParticipantKind kind : PREFERRED) {
      if (capabilities().addressable().contains(kind)) {
        return kind;
      }
    }
    return ParticipantKind.PHONE_NUMBER;
  }

  /** A reachable party of the default kind, or a sample when the adapter addresses none. */
  Participant target() {
    ParticipantKind kind = defaultKind();
    return capabilities().addressable().contains(kind) ? platform.participant(kind) : sample(kind);
  }

  Participant target(ParticipantKind... preferred) {
    ParticipantKind kind = kindFor(List.of(preferred));
    return capabilities().addressable().contains(kind) ? platform.participant(kind) : sample(kind);
  }

  /** A participant of the kind that is never sent: it stands in refused commands. */
  Participant sample(ParticipantKind kind) {
    switch (kind) {
      case ACS_USER:
        return AcsUser.of("8:acs:contract-suite");
      case PHONE_NUMBER:
        return PhoneNumber.of("+14255550199");
      case TEAMS_USER:
        return TeamsUser.of("5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
      case TEAMS_APP:
        return TeamsApp.bot("7c6b5a4d-3e2f-4a1b-9c8d-0e1f2a3b4c5d");
      case TEAMS_EXTENSION_USER:
        return TeamsExtensionUser.of(
            "1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d",
            "2b3c4d5e-6f7a-4b1c-9d0e-1f2a3b4c5d6e",
            "3c4d5e6f-7a8b-4c1d-8e0f-2a3b4c5d6e7f");
      default:
        return new RawParticipant("contract-suite:raw");
    }
  }

  /** A distinct phone number, for redirect target lists; never sent. */
  Participant numbered(int i) {
    return PhoneNumber.of("+1425555" + String.format("%04d", 1000 + i));
  }

  CallTransfer.Builder transfer(String callId) {
    return CallTransfer.builder(callId, target());
  }

  AddParticipant.Builder add(String callId) {
    return AddParticipant.builder(callId, target());
  }

  /**
   * A command that needs exactly this optional feature besides its operation, aimed at the
   * platform's parties when the adapter addresses them. Calling context and display names travel on
   * a transfer when the adapter declares transfer, else on an invitation.
   *
   * @param capability an optional feature (not an operation, not the redirect ring timeout)
   * @param callId the call it acts on
   */
  CallCommand needing(Capability capability, String callId) {
    switch (capability) {
      case TRANSFEREE_PARTICIPANT_ID:
        return transfer(callId)
            .transferee(Transferee.of(sample(ParticipantKind.PHONE_NUMBER), "participant-1"))
            .build();
      case TRANSFER_SOURCE_CALLER_ID:
        return CallTransfer.builder(callId, target(ParticipantKind.PHONE_NUMBER))
            .sourceCallerId(platform.sourceCallerId())
            .build();
      case TRANSFER_CALLBACK_OVERRIDE:
        return transfer(callId).callbackUri(platform.callbackUri()).build();
      case INVITATION_TIMEOUT:
        return add(callId).invitationTimeout(Duration.ofSeconds(INVITATION_SECONDS)).build();
      case ADD_SOURCE_CALLER_ID:
        return AddParticipant.builder(callId, target(ParticipantKind.PHONE_NUMBER))
            .sourceCallerId(platform.sourceCallerId())
            .build();
      case SOURCE_DISPLAY_NAME:
        return add(callId).sourceDisplayName(DISPLAY_NAME).build();
      case ADD_CALLBACK_OVERRIDE:
        return add(callId).callbackUri(platform.callbackUri()).build();
      case CANCEL_CALLBACK_OVERRIDE:
        return new CancelAddParticipant(
            callId,
            "contract-suite-invitation",
            Optional.empty(),
            Optional.of(platform.callbackUri()));
      case REDIRECT_CALLBACK_OVERRIDE:
        return RedirectCall.builder(callId, "context", List.of(target()))
            .callbackUri(platform.callbackUri())
            .build();
      case SIP_HEADERS:
        return withContext(
            callId,
            CallingContext.builder()
                .msCustomSipHeader("caseId", "42")
                .sipHeader("X-Queue", "billing")
                .build(),
            ParticipantKind.PHONE_NUMBER);
      case USER_TO_USER:
        return withContext(
            callId,
            CallingContext.builder().userToUser("a1b2c3;encoding=hex").build(),
            ParticipantKind.PHONE_NUMBER);
      case VOIP_HEADERS:
        return withContext(
            callId,
            CallingContext.builder()
                .voipHeader("crm", "case-42")
                .voipHeader("queue", "billing")
                .build(),
            ParticipantKind.ACS_USER);
      case TEAMS_PHONE_CALL_DETAILS:
        return withContext(
            callId,
            CallingContext.builder()
                .teamsPhoneCallDetails(
                    TeamsPhoneCallDetails.builder()
                        .callTopic("Contract suite")
                        .callContext("The caller asked for billing.")
                        .build())
                .build(),
            ParticipantKind.TEAMS_USER);
      case PARTICIPANT_DISPLAY_NAME:
        return viaTransfer()
            ? CallTransfer.builder(callId, withDisplayName(target())).build()
            : AddParticipant.builder(callId, withDisplayName(target())).build();
      default:
        throw new IllegalArgumentException(capability + " is not an optional feature of a command");
    }
  }

  private boolean viaTransfer() {
    return capabilities().supports(Capability.TRANSFER)
        || !capabilities().supports(Capability.ADD_PARTICIPANT);
  }

  private CallCommand withContext(String callId, CallingContext context, ParticipantKind kind) {
    return viaTransfer()
        ? CallTransfer.builder(callId, target(kind)).callingContext(context).build()
        : AddParticipant.builder(callId, target(kind)).callingContext(context).build();
  }

  private static Participant withDisplayName(Participant participant) {
    String name = DISPLAY_NAME;
    return participant.accept(
        new Participant.Visitor<>() {
          @Override
          public Participant phoneNumber(PhoneNumber phone) {
            return phone.withDisplayName(name);
          }

          @Override
          public Participant teamsUser(TeamsUser user) {
            return user.withDisplayName(name);
          }

          @Override
          public Participant teamsApp(TeamsApp app) {
            return app.withDisplayName(name);
          }

          @Override
          public Participant acsUser(AcsUser user) {
            return user.withDisplayName(name);
          }

          // These kinds carry no display name: a named phone number stands in for them.
          @Override
          public Participant teamsExtensionUser(TeamsExtensionUser user) {
            return namedStandIn();
          }

          @Override
          public Participant raw(RawParticipant raw) {
            return namedStandIn();
          }

          private Participant namedStandIn() {
            return PhoneNumber.of("+14255550199").withDisplayName(name);
          }
        });
  }
}
