package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Graph {@code identitySet}, or its derived {@code communicationsIdentitySet} (which alone
 * defines {@code applicationInstance}, {@code phone}, {@code azureCommunicationServicesUser},
 * {@code guest}, {@code encrypted} and {@code onPremises}).
 *
 * @param odataType {@value #COMMUNICATIONS_IDENTITY_SET} when a derived-type member is set
 * @param user a Teams (Entra) user
 * @param application an application (a bot)
 * @param applicationInstance an application instance (a resource account)
 * @param phone a phone number
 * @param azureCommunicationServicesUser an Azure Communication Services user (read only)
 * @param guest a guest (read only)
 * @param encrypted an encrypted identity (read only)
 * @param onPremises a Skype for Business on-premises user (read only)
 * @param device a device (read only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphIdentitySet(
    @JsonProperty("@odata.type") String odataType,
    GraphIdentity user,
    GraphIdentity application,
    GraphIdentity applicationInstance,
    GraphIdentity phone,
    GraphIdentity azureCommunicationServicesUser,
    GraphIdentity guest,
    GraphIdentity encrypted,
    GraphIdentity onPremises,
    GraphIdentity device) {

  /** The derived identity set that defines {@code phone} and {@code applicationInstance}. */
  public static final String COMMUNICATIONS_IDENTITY_SET =
      "#microsoft.graph.communicationsIdentitySet";
}
