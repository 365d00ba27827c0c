package dev.handoff.adapter.graph.mapping;

import dev.handoff.adapter.graph.wire.GraphIdentity;
import dev.handoff.adapter.graph.wire.GraphIdentitySet;
import dev.handoff.adapter.graph.wire.InvitationParticipantInfo;
import dev.handoff.adapter.graph.wire.InviteParticipantsRequest;
import dev.handoff.adapter.graph.wire.ParticipantInfo;
import dev.handoff.adapter.graph.wire.RedirectRequest;
import dev.handoff.adapter.graph.wire.TransferRequest;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/**
 * Maps domain commands to Graph request bodies.
 *
 * <p>Identity mapping (each domain participant to its Graph identity set):
 *
 * <table>
 *   <caption>participant → identity set</caption>
 *   <tr><th>participant</th><th>identity set member</th><th>{@code @odata.type} of the set</th></tr>
 *   <tr><td>{@link TeamsUser}</td><td>{@code user} (id, displayName, tenantId)</td><td>none</td></tr>
 *   <tr><td>{@link TeamsApp} {@code APPLICATION}</td><td>{@code application} (id, displayName)</td>
 *       <td>none</td></tr>
 *   <tr><td>{@link TeamsApp} {@code APPLICATION_INSTANCE}</td>
 *       <td>{@code applicationInstance} (id, displayName, tenantId)</td>
 *       <td>{@code #microsoft.graph.communicationsIdentitySet}</td></tr>
 *   <tr><td>{@link PhoneNumber}</td><td>{@code phone} (id = E.164, displayName)</td>
 *       <td>{@code #microsoft.graph.communicationsIdentitySet}</td></tr>
 * </table>
 *
 * <p>The mapper assumes the command passed the adapter's checks: other participant kinds, anonymous
 * Teams users, asserted phone ids and tenants on applications are rejected before it runs.
 */
@Mapper
public interface GraphRequestMapper {

  /** The mapper. */
  GraphRequestMapper INSTANCE = Mappers.getMapper(GraphRequestMapper.class);

  /**
   * @param transfer the transfer
   * @return the transfer body
   */
  @Mapping(target = "transferTarget", source = "transfer")
  @Mapping(target = "transferee", source = "transferee", qualifiedByName = "transferee")
  TransferRequest transferRequest(CallTransfer transfer);

  /**
   * @param transfer the transfer
   * @return the transfer target: the target's identity and, for a consultative transfer, the call
   *     it replaces
   */
  @Mapping(target = "identity", source = "target")
  @Mapping(target = "replacesCallId", source = "mode", qualifiedByName = "replacesCallId")
  InvitationParticipantInfo transferTarget(CallTransfer transfer);

  /**
   * @param add the add
   * @param clientContext the correlation Graph is to echo
   * @return the invite body, inviting exactly the one participant
   */
  @Mapping(target = "participants", source = "add.participant", qualifiedByName = "only")
  @Mapping(target = "clientContext", source = "clientContext")
  InviteParticipantsRequest inviteRequest(AddParticipant add, String clientContext);

  /**
   * @param redirect the redirect
   * @return the redirect body
   */
  @Mapping(target = "targets", source = "targets")
  @Mapping(target = "timeout", source = "ringTimeout", qualifiedByName = "seconds")
  @Mapping(target = "callbackUri", source = "callbackUri", qualifiedByName = "uri")
  RedirectRequest redirectRequest(RedirectCall redirect);

  /**
   * @param participants participants
   * @return one invitation per participant, in order
   */
  List<InvitationParticipantInfo> invitations(List<Participant> participants);

  /**
   * @param participant a participant
   * @return an invitation of that participant
   */
  @Mapping(target = "identity", source = "participant")
  @Mapping(target = "replacesCallId", ignore = true)
  InvitationParticipantInfo invitation(Participant participant);

  /**
   * @param transferee the transferee
   * @return the participant info: identity and, when known, the participant id in the call
   */
  @Mapping(target = "identity", source = "participant")
  @Mapping(target = "participantId", source = "callParticipantId")
  ParticipantInfo participantInfo(Transferee transferee);

  /**
   * @param participant one of the addressable participants
   * @return its identity set
   * @throws IllegalArgumentException for a participant kind Graph cannot address
   */
  default GraphIdentitySet identitySet(Participant participant) {
    GraphRequestMapper mapper = this;
    return participant.accept(
        new Participant.Visitor<>() {
          @Override
          public GraphIdentitySet teamsUser(TeamsUser user) {
            return mapper.userSet(user);
          }

          @Override
          public GraphIdentitySet phoneNumber(PhoneNumber phone) {
            return mapper.phoneSet(phone);
          }

          @Override
          public GraphIdentitySet teamsApp(TeamsApp app) {
            return app.type() == TeamsApp.Type.APPLICATION
                ? mapper.applicationSet(app)
                : mapper.instanceSet(app);
          }

          @Override
          public GraphIdentitySet acsUser(AcsUser user) {
            throw unaddressable(user);
          }

          @Override
          public GraphIdentitySet teamsExtensionUser(TeamsExtensionUser user) {
            throw unaddressable(user);
          }

          @Override
          public GraphIdentitySet raw(RawParticipant raw) {
            throw unaddressable(raw);
          }
        });
  }

  private static IllegalArgumentException unaddressable(Participant participant) {
    return new IllegalArgumentException(
        "Microsoft Graph cannot address " + participant.kind() + " participants");
  }

  /**
   * @param user a Teams user
   * @return an identity set with {@code user}
   */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "user", source = "user")
  GraphIdentitySet userSet(TeamsUser user);

  /**
   * @param phone a phone number
   * @return a communications identity set with {@code phone}
   */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "odataType", constant = GraphIdentitySet.COMMUNICATIONS_IDENTITY_SET)
  @Mapping(target = "phone", source = "phone")
  GraphIdentitySet phoneSet(PhoneNumber phone);

  /**
   * @param app a bot
   * @return an identity set with {@code application}
   */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "application", source = "app", qualifiedByName = "application")
  GraphIdentitySet applicationSet(TeamsApp app);

  /**
   * @param app a resource account
   * @return a communications identity set with {@code applicationInstance}
   */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "odataType", constant = GraphIdentitySet.COMMUNICATIONS_IDENTITY_SET)
  @Mapping(target = "applicationInstance", source = "app", qualifiedByName = "applicationInstance")
  GraphIdentitySet instanceSet(TeamsApp app);

  /**
   * @param user a Teams user
   * @return its {@code user} identity
   */
  @Mapping(target = "odataType", ignore = true)
  @Mapping(target = "id", source = "userId")
  @Mapping(target = "azureCommunicationServicesResourceId", ignore = true)
  GraphIdentity userIdentity(TeamsUser user);

  /**
   * @param phone a phone number
   * @return its {@code phone} identity: the E.164 number as id
   */
  @Mapping(target = "odataType", ignore = true)
  @Mapping(target = "id", source = "value")
  @Mapping(target = "tenantId", ignore = true)
  @Mapping(target = "azureCommunicationServicesResourceId", ignore = true)
  GraphIdentity phoneIdentity(PhoneNumber phone);

  /**
   * @param app a bot
   * @return its {@code application} identity, which has no tenant in Graph's schema
   */
  @Named("application")
  @Mapping(target = "odataType", ignore = true)
  @Mapping(target = "id", source = "appId")
  @Mapping(target = "tenantId", ignore = true)
  @Mapping(target = "azureCommunicationServicesResourceId", ignore = true)
  GraphIdentity applicationIdentity(TeamsApp app);

  /**
   * @param app a resource account
   * @return its {@code applicationInstance} identity
   */
  @Named("applicationInstance")
  @Mapping(target = "odataType", ignore = true)
  @Mapping(target = "id", source = "appId")
  @Mapping(target = "azureCommunicationServicesResourceId", ignore = true)
  GraphIdentity applicationInstanceIdentity(TeamsApp app);

  /**
   * @param value an optional value
   * @param <T> its type
   * @return the value, or null
   */
  default <T> T unwrap(Optional<T> value) {
    return value.orElse(null);
  }

  /**
   * @param transferee the optional transferee
   * @return its participant info, or null
   */
  @Named("transferee")
  default ParticipantInfo transferee(Optional<Transferee> transferee) {
    return transferee.map(this::participantInfo).orElse(null);
  }

  /**
   * @param mode the transfer mode
   * @return the replaced call for a consultative transfer, null for a blind one
   */
  @Named("replacesCallId")
  default String replacesCallId(TransferMode mode) {
    return mode instanceof TransferMode.Consultative
        ? ((TransferMode.Consultative) mode).replacesCallId()
        : null;
  }

  /**
   * @param participant the one invitee
   * @return a one-element list
   */
  @Named("only")
  default List<InvitationParticipantInfo> only(Participant participant) {
    return List.of(invitation(participant));
  }

  /**
   * @param duration an optional whole-second duration
   * @return its seconds, or null
   */
  @Named("seconds")
  default Integer seconds(Optional<Duration> duration) {
    return duration.map(d -> Math.toIntExact(d.getSeconds())).orElse(null);
  }

  /**
   * @param uri an optional URI
   * @return its text, or null
   */
  @Named("uri")
  default String uri(Optional<URI> uri) {
    return uri.map(URI::toString).orElse(null);
  }
}
