package dev.handoff.adapter.acs.mapping;

import dev.handoff.adapter.acs.wire.AddParticipantRequest;
import dev.handoff.adapter.acs.wire.CancelAddParticipantRequest;
import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.CommunicationUserIdentifierModel;
import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsAppIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsUserIdentifierModel;
import dev.handoff.adapter.acs.wire.PhoneNumberIdentifierModel;
import dev.handoff.adapter.acs.wire.RedirectCallRequest;
import dev.handoff.adapter.acs.wire.TeamsExtensionUserIdentifierModel;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Maps Handoff's commands to the ACS request bodies (api-version 2026-03-12).
 *
 * <p>Rules the mapping follows:
 *
 * <ul>
 *   <li>The wire {@code operationContext} is the operation's correlation string (the command's
 *       operation context when it has one), passed in beside the command.
 *   <li>Every identifier carries {@code kind} and its one sub-object, plus {@code rawId} unless
 *       {@link WireStyle#rawIdsInRequests()} is off; a {@link RawParticipant} is {@code {"kind":
 *       "unknown", "rawId": ...}}. {@code isAnonymous} is written only when true (false is the
 *       service's default); {@code cloud} is always written for Teams identities.
 *   <li>User-To-User goes into {@code sipHeaders} under {@code User-To-User}, first; custom SIP
 *       headers follow under their full names, in the given order. Empty maps and an empty context
 *       are omitted, never sent as {@code {}} or {@code null}.
 *   <li>A Teams app's type (bot or resource account) and a Teams identity's tenant have no place on
 *       the ACS wire: ACS addresses both kinds of app as {@code microsoftTeamsApp}, and Entra
 *       object ids are unique across tenants.
 * </ul>
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface AcsRequestMapper {

  /** The generated mapper. */
  AcsRequestMapper INSTANCE = Mappers.getMapper(AcsRequestMapper.class);

  /**
   * @param command the transfer
   * @param correlation the operation context to send
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "targetParticipant", source = "command.target")
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "transferee", source = "command.transferee")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  @Mapping(target = "customCallingContext", source = "command.callingContext")
  @Mapping(target = "sourceCallerIdNumber", source = "command.sourceCallerId")
  TransferToParticipantRequest transfer(
      CallTransfer command, String correlation, @Context WireStyle style);

  /**
   * @param command the add
   * @param correlation the operation context to send
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "sourceCallerIdNumber", source = "command.sourceCallerId")
  @Mapping(target = "sourceDisplayName", source = "command.sourceDisplayName")
  @Mapping(target = "participantToAdd", source = "command.participant")
  @Mapping(target = "invitationTimeoutInSeconds", source = "command.invitationTimeout")
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  @Mapping(target = "customCallingContext", source = "command.callingContext")
  AddParticipantRequest add(AddParticipant command, String correlation, @Context WireStyle style);

  /**
   * @param command the cancellation
   * @param correlation the operation context to send
   * @return the request body
   */
  @Mapping(target = "invitationId", source = "command.invitationId")
  @Mapping(target = "operationContext", source = "correlation")
  @Mapping(target = "operationCallbackUri", source = "command.callbackUri")
  CancelAddParticipantRequest cancel(CancelAddParticipant command, String correlation);

  /**
   * Maps a redirect to its one target. The command must name exactly one target: ACS redirects to
   * one, and the adapter's capabilities refuse more before mapping.
   *
   * @param command the redirect
   * @param style how to write identifiers
   * @return the request body
   */
  @Mapping(target = "incomingCallContext", source = "incomingCallContext")
  @Mapping(target = "target", source = "command", qualifiedByName = "onlyTarget")
  RedirectCallRequest redirect(RedirectCall command, @Context WireStyle style);

  /**
   * @param command the redirect
   * @param style how to write identifiers
   * @return its one target
   * @throws IllegalArgumentException when it has more than one
   */
  @Named("onlyTarget")
  default CommunicationIdentifierModel onlyTarget(RedirectCall command, @Context WireStyle style) {
    if (command.targets().size() != 1) {
      throw new IllegalArgumentException(
          "ACS redirects to exactly one target; the command names " + command.targets().size());
    }
    return identifier(command.targets().get(0), style);
  }

  // ---------------------------------------------------------------- identifiers

  /**
   * @param participant any participant
   * @param style how to write identifiers
   * @return its identifier model, or null for null
   */
  default CommunicationIdentifierModel identifier(
      Participant participant, @Context WireStyle style) {
    // Type tests, not the participant's visitor, which took an anonymous object per identifier and
    // a call through an interface. Participant is sealed: the last branch is the only type left.
    if (participant == null) {
      return null;
    }
    if (participant instanceof PhoneNumber) {
      return phoneNumber((PhoneNumber) participant, style);
    }
    if (participant instanceof TeamsUser) {
      return teamsUser((TeamsUser) participant, style);
    }
    if (participant instanceof TeamsApp) {
      return teamsApp((TeamsApp) participant, style);
    }
    if (participant instanceof AcsUser) {
      return acsUser((AcsUser) participant, style);
    }
    if (participant instanceof TeamsExtensionUser) {
      return teamsExtensionUser((TeamsExtensionUser) participant, style);
    }
    return raw((RawParticipant) participant);
  }

  /**
   * @param user an ACS user
   * @param style how to write identifiers
   * @return {@code kind communicationUser}
   */
  @Mapping(target = "kind", constant = CommunicationIdentifierModel.KIND_COMMUNICATION_USER)
  @Mapping(target = "rawId", source = "user", qualifiedByName = "rawId")
  @Mapping(target = "communicationUser", source = "user")
  @Mapping(target = "phoneNumber", ignore = true)
  @Mapping(target = "microsoftTeamsUser", ignore = true)
  @Mapping(target = "microsoftTeamsApp", ignore = true)
  @Mapping(target = "teamsExtensionUser", ignore = true)
  CommunicationIdentifierModel acsUser(AcsUser user, @Context WireStyle style);

  /**
   * @param user an ACS user
   * @return its sub-object
   */
  CommunicationUserIdentifierModel communicationUser(AcsUser user);

  /**
   * @param number a phone number
   * @param style how to write identifiers
   * @return {@code kind phoneNumber}
   */
  @Mapping(target = "kind", constant = CommunicationIdentifierModel.KIND_PHONE_NUMBER)
  @Mapping(target = "rawId", source = "number", qualifiedByName = "rawId")
  @Mapping(target = "communicationUser", ignore = true)
  @Mapping(target = "phoneNumber", source = "number")
  @Mapping(target = "microsoftTeamsUser", ignore = true)
  @Mapping(target = "microsoftTeamsApp", ignore = true)
  @Mapping(target = "teamsExtensionUser", ignore = true)
  CommunicationIdentifierModel phoneNumber(PhoneNumber number, @Context WireStyle style);

  /**
   * The bare phone model, as used for {@code sourceCallerIdNumber}.
   *
   * @param number a phone number
   * @return {@code {"value": ...}} with {@code isAnonymous} and {@code assertedId} when set
   */
  @Mapping(target = "value", source = "value")
  @Mapping(target = "isAnonymous", source = "anonymous", qualifiedByName = "trueOrAbsent")
  @Mapping(target = "assertedId", source = "assertedId")
  PhoneNumberIdentifierModel phoneNumberModel(PhoneNumber number);

  /**
   * @param user a Teams user
   * @param style how to write identifiers
   * @return {@code kind microsoftTeamsUser}
   */
  @Mapping(target = "kind", constant = CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_USER)
  @Mapping(target = "rawId", source = "user", qualifiedByName = "rawId")
  @Mapping(target = "communicationUser", ignore = true)
  @Mapping(target = "phoneNumber", ignore = true)
  @Mapping(target = "microsoftTeamsUser", source = "user")
  @Mapping(target = "microsoftTeamsApp", ignore = true)
  @Mapping(target = "teamsExtensionUser", ignore = true)
  CommunicationIdentifierModel teamsUser(TeamsUser user, @Context WireStyle style);

  /**
   * @param user a Teams user
   * @return its sub-object
   */
  @Mapping(target = "userId", source = "userId")
  @Mapping(target = "isAnonymous", source = "anonymous", qualifiedByName = "trueOrAbsent")
  @Mapping(target = "cloud", source = "cloud")
  MicrosoftTeamsUserIdentifierModel microsoftTeamsUser(TeamsUser user);

  /**
   * @param app a Teams app
   * @param style how to write identifiers
   * @return {@code kind microsoftTeamsApp}
   */
  @Mapping(target = "kind", constant = CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_APP)
  @Mapping(target = "rawId", source = "app", qualifiedByName = "rawId")
  @Mapping(target = "communicationUser", ignore = true)
  @Mapping(target = "phoneNumber", ignore = true)
  @Mapping(target = "microsoftTeamsUser", ignore = true)
  @Mapping(target = "microsoftTeamsApp", source = "app")
  @Mapping(target = "teamsExtensionUser", ignore = true)
  CommunicationIdentifierModel teamsApp(TeamsApp app, @Context WireStyle style);

  /**
   * @param app a Teams app
   * @return its sub-object
   */
  MicrosoftTeamsAppIdentifierModel microsoftTeamsApp(TeamsApp app);

  /**
   * @param user a Teams Phone extension user
   * @param style how to write identifiers
   * @return {@code kind teamsExtensionUser}
   */
  @Mapping(target = "kind", constant = CommunicationIdentifierModel.KIND_TEAMS_EXTENSION_USER)
  @Mapping(target = "rawId", source = "user", qualifiedByName = "rawId")
  @Mapping(target = "communicationUser", ignore = true)
  @Mapping(target = "phoneNumber", ignore = true)
  @Mapping(target = "microsoftTeamsUser", ignore = true)
  @Mapping(target = "microsoftTeamsApp", ignore = true)
  @Mapping(target = "teamsExtensionUser", source = "user")
  CommunicationIdentifierModel teamsExtensionUser(
      TeamsExtensionUser user, @Context WireStyle style);

  /**
   * @param user a Teams Phone extension user
   * @return its sub-object
   */
  TeamsExtensionUserIdentifierModel teamsExtensionUserModel(TeamsExtensionUser user);

  /**
   * @param participant a participant known only by its raw id
   * @return {@code {"kind": "unknown", "rawId": ...}}
   */
  @Mapping(target = "kind", constant = CommunicationIdentifierModel.KIND_UNKNOWN)
  @Mapping(target = "rawId", source = "rawId")
  @Mapping(target = "communicationUser", ignore = true)
  @Mapping(target = "phoneNumber", ignore = true)
  @Mapping(target = "microsoftTeamsUser", ignore = true)
  @Mapping(target = "microsoftTeamsApp", ignore = true)
  @Mapping(target = "teamsExtensionUser", ignore = true)
  CommunicationIdentifierModel raw(RawParticipant participant);

  /**
   * @param participant a typed participant
   * @param style how to write identifiers
   * @return its raw id, or null when raw ids are not sent
   */
  @Named("rawId")
  default String rawId(Participant participant, @Context WireStyle style) {
    return style.rawIdsInRequests() ? participant.rawId() : null;
  }

  /**
   * @param transferee the transferee, if any
   * @param style how to write identifiers
   * @return its identifier, or null
   */
  default CommunicationIdentifierModel transferee(
      Optional<Transferee> transferee, @Context WireStyle style) {
    return transferee.isPresent() ? identifier(transferee.get().participant(), style) : null;
  }

  /**
   * @param number the caller id, if any
   * @return the bare phone model, or null
   */
  default PhoneNumberIdentifierModel callerId(Optional<PhoneNumber> number) {
    return number.isPresent() ? phoneNumberModel(number.get()) : null;
  }

  // ---------------------------------------------------------------- calling context

  /**
   * @param context the context
   * @param style how to write identifiers
   * @return the wire context, or null when the context carries nothing
   */
  default CustomCallingContext customCallingContext(
      CallingContext context, @Context WireStyle style) {
    if (context == null || context.isEmpty()) {
      return null;
    }
    Map<String, String> sip = context.sipHeaders();
    if (context.userToUser().isPresent()) {
      sip =
          new HeadersAfterOne(CallingContext.USER_TO_USER_HEADER, context.userToUser().get(), sip);
    }
    Optional<TeamsPhoneCallDetails> details = context.teamsPhoneCallDetails();
    return new CustomCallingContext(
        headers(context.voipHeaders()),
        headers(sip),
        details.isPresent() ? teamsPhoneCallDetails(details.get(), style) : null);
  }

  /**
   * @param details the Teams phone call details
   * @param style how to write identifiers
   * @return the wire details
   */
  @Mapping(target = "teamsPhoneCallerDetails", source = "callerDetails")
  @Mapping(target = "teamsPhoneSourceDetails", source = "sourceDetails")
  dev.handoff.adapter.acs.wire.TeamsPhoneCallDetails teamsPhoneCallDetails(
      TeamsPhoneCallDetails details, @Context WireStyle style);

  /**
   * @param details the caller details
   * @param style how to write identifiers
   * @return the wire details
   */
  @Mapping(target = "isAuthenticated", source = "authenticated")
  dev.handoff.adapter.acs.wire.TeamsPhoneCallerDetails teamsPhoneCallerDetails(
      TeamsPhoneCallerDetails details, @Context WireStyle style);

  /**
   * @param details the source details
   * @param style how to write identifiers
   * @return the wire details
   */
  dev.handoff.adapter.acs.wire.TeamsPhoneSourceDetails teamsPhoneSourceDetails(
      TeamsPhoneSourceDetails details, @Context WireStyle style);

  /**
   * @param details the caller details, if any
   * @param style how to write identifiers
   * @return the wire details, or null
   */
  default dev.handoff.adapter.acs.wire.TeamsPhoneCallerDetails callerDetails(
      Optional<TeamsPhoneCallerDetails> details, @Context WireStyle style) {
    return details.isPresent() ? teamsPhoneCallerDetails(details.get(), style) : null;
  }

  /**
   * @param details the source details, if any
   * @param style how to write identifiers
   * @return the wire details, or null
   */
  default dev.handoff.adapter.acs.wire.TeamsPhoneSourceDetails sourceDetails(
      Optional<TeamsPhoneSourceDetails> details, @Context WireStyle style) {
    return details.isPresent() ? teamsPhoneSourceDetails(details.get(), style) : null;
  }

  /**
   * @param targets intended targets by label
   * @param style how to write identifiers
   * @return the wire map, or null when empty
   */
  default Map<String, CommunicationIdentifierModel> intendedTargets(
      Map<String, Participant> targets, @Context WireStyle style) {
    if (targets.isEmpty()) {
      return null;
    }
    Map<String, CommunicationIdentifierModel> wire =
        new LinkedHashMap<>(capacityFor(targets.size()));
    targets.forEach((label, target) -> wire.put(label, identifier(target, style)));
    return wire;
  }

  // ---------------------------------------------------------------- scalars

  /**
   * The map itself, not a copy: the domain's maps are already ordered and unmodifiable, and the
   * wire record only lives until its body is written (copying them was most of the mapping's cost).
   *
   * @param headers a string map
   * @return the same map, or null when empty
   */
  default Map<String, String> headers(Map<String, String> headers) {
    return headers.isEmpty() ? null : headers;
  }

  /**
   * @param entries how many entries a new map will hold
   * @return the initial capacity that holds them without resizing
   */
  private static int capacityFor(int entries) {
    return entries * 4 / 3 + 1;
  }

  /**
   * @param value an optional value
   * @param <T> its type
   * @return the value, or null
   */
  default <T> T unwrap(Optional<T> value) {
    return value.orElse(null);
  }

  /**
   * @param uri an optional URI
   * @return its string form, or null
   */
  default String uri(Optional<URI> uri) {
    return uri.isPresent() ? uri.get().toString() : null;
  }

  /**
   * @param timeout an optional whole-second duration
   * @return the seconds, or null
   */
  default Integer seconds(Optional<Duration> timeout) {
    return timeout.map(d -> Math.toIntExact(d.getSeconds())).orElse(null);
  }

  /**
   * @param cloud a cloud
   * @return its wire name
   */
  default String cloud(Cloud cloud) {
    return cloud.wireName();
  }

  /**
   * @param flag a flag whose absence means false on the wire
   * @return {@code TRUE}, or null for false
   */
  @Named("trueOrAbsent")
  default Boolean trueOrAbsent(boolean flag) {
    return flag ? Boolean.TRUE : null;
  }
}
